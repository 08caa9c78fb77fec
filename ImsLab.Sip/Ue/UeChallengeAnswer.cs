namespace ImsLab.Sip.Ue;

/// <summary>The UE's answer to a 401: the outcome and, unless unsupported, the Authorization header value to send.</summary>
internal readonly record struct UeChallengeAnswer(UeChallengeOutcome Outcome, string? Authorization, string? Algorithm, string? Detail);
