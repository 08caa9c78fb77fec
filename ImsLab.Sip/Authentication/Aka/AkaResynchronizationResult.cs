namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// What the network learned from an AUTS (TS 33.102 6.3.5): whether MAC-S verified and, if so, the USIM's SQN_MS.
/// </summary>
/// <param name="MacVerified">False means the AUTS is forged or for another RAND: an authentication failure.</param>
/// <param name="SqnMs">The recovered SQN_MS; meaningful only when <paramref name="MacVerified"/> is true.</param>
public readonly record struct AkaResynchronizationResult(bool MacVerified, long SqnMs);
