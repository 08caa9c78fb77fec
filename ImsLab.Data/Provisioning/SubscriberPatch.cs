using System.Text;

namespace ImsLab.Data.Provisioning;

/// <summary>A partial change (PATCH); every null member is left as it is. ToString never shows secrets.</summary>
public sealed record SubscriberPatch
{
    /// <summary>Enable or disable the IMPI.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Bar (true) or unbar (false) IMPUs of this IMPI.</summary>
    public IReadOnlyDictionary<string, bool>? Barred { get; init; }

    /// <summary>Rotate K (32 hex digits).</summary>
    public string? K { get; init; }

    /// <summary>Replace OP (32 hex digits), dropping any OPc.</summary>
    public string? Op { get; init; }

    /// <summary>Replace OPc (32 hex digits), dropping any OP.</summary>
    public string? Opc { get; init; }

    /// <summary>Replace the AMF (4 hex digits).</summary>
    public string? Amf { get; init; }

    /// <summary>Set the SQN (12 hex digits), e.g. 000000000000 to reset it for a fresh USIM.</summary>
    public string? Sqn { get; init; }

    /// <summary>Replace the digest password (HA1 values recomputed for the stored realm).</summary>
    public string? Password { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, Barred = {(Barred is null ? "null" : string.Join(", ", Barred))}, ")
            .Append($"K = {(K is null ? "null" : "***")}, Op = {(Op is null ? "null" : "***")}, Opc = {(Opc is null ? "null" : "***")}, ")
            .Append($"Amf = {Amf}, Sqn = {Sqn}, Password = {(Password is null ? "null" : "***")}");
        return true;
    }
}
