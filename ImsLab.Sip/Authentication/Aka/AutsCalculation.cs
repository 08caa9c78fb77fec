namespace ImsLab.Sip.Authentication.Aka;

/// <summary>The calculator's reading of an AUTS: the recovered SQN_MS (hex and number) and whether MAC-S verifies.</summary>
public sealed record AutsCalculation(string SqnMs, long SqnMsValue, string AkStar, bool MacSVerified);
