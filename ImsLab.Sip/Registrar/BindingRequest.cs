using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Registrar;

/// <summary>What an authenticated REGISTER asks of the bindings of one implicit registration set.</summary>
internal sealed record BindingRequest
{
    public required string Impu { get; init; }
    public required string Impi { get; init; }
    public required IReadOnlyList<RequestedContact> Contacts { get; init; }
    /// <summary>RFC 3261 10.3 step 6: "Contact: *" with Expires: 0 removes every binding.</summary>
    public required bool Wildcard { get; init; }
    public required string CallId { get; init; }
    public required uint CSeq { get; init; }
    public required BindingFlow Flow { get; init; }
    public IReadOnlyList<string> Path { get; init; } = [];
    public string? UserAgent { get; init; }
    public string? AccessNetworkInfo { get; init; }
    public string? VisitedNetwork { get; init; }
    public required DateTimeOffset Now { get; init; }
}
