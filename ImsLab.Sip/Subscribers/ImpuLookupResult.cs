namespace ImsLab.Sip.Subscribers;

/// <summary>The owner of an IMPU, for deriving the IMPI when a REGISTER carries no Authorization (TS 24.229 5.4.1.2.1).</summary>
/// <param name="Outcome">Found, not found, or shared by several IMPIs.</param>
/// <param name="Profile">The owning IMPI's profile when <paramref name="Outcome"/> is <see cref="ImpuLookupOutcome.Found"/>.</param>
/// <param name="CandidateImpis">Every IMPI linked to the IMPU (one when found, several when ambiguous, none when not found).</param>
public sealed record ImpuLookupResult(ImpuLookupOutcome Outcome, SubscriberProfile? Profile, IReadOnlyList<string> CandidateImpis)
{
    /// <summary>The result for an IMPU nobody owns.</summary>
    public static ImpuLookupResult NotFound { get; } = new(ImpuLookupOutcome.NotFound, null, []);
}
