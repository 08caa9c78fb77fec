namespace ImsLab.Web.Services.Tools;

/// <summary>
/// The AKA calculator's input, all hex: K, exactly one of OP and OPc, AMF, SQN, RAND, and optionally an AUTS to read.
/// Mutable because the dashboard form binds to it; the REST API deserialises it from JSON.
/// </summary>
public sealed class AkaToolRequest
{
    /// <summary>Subscriber key, 32 hex digits.</summary>
    public string? K { get; set; }

    /// <summary>Operator variant key, 32 hex digits (or give <see cref="Opc"/>).</summary>
    public string? Op { get; set; }

    /// <summary>OPc, 32 hex digits (or give <see cref="Op"/>).</summary>
    public string? Opc { get; set; }

    /// <summary>Authentication management field, 4 hex digits.</summary>
    public string? Amf { get; set; }

    /// <summary>Sequence number, 12 hex digits.</summary>
    public string? Sqn { get; set; }

    /// <summary>The challenge's random number, 32 hex digits.</summary>
    public string? Rand { get; set; }

    /// <summary>Optional resynchronisation token from a UE, 28 hex digits.</summary>
    public string? Auts { get; set; }

    /// <inheritdoc />
    public override string ToString() => "AkaToolRequest { <keys redacted> }";
}
