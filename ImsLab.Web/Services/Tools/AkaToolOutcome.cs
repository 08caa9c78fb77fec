namespace ImsLab.Web.Services.Tools;

/// <summary>Either a result or the input errors, keyed by the request's field names (k, op, opc, amf, sqn, rand, auts).</summary>
public sealed class AkaToolOutcome
{
    private AkaToolOutcome(AkaToolResult? result, IReadOnlyDictionary<string, string[]> errors)
    {
        Result = result;
        Errors = errors;
    }

    /// <summary>The outputs, when every input was valid.</summary>
    public AkaToolResult? Result { get; }

    /// <summary>Messages per field; empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    internal static AkaToolOutcome Valid(AkaToolResult result) => new(result, new Dictionary<string, string[]>());

    internal static AkaToolOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
