namespace ImsLab.Web.Services.Tools;

/// <summary>What an AUTS carries (TS 33.102 6.3.3): the UE's SQN_MS and whether its MAC-S verifies.</summary>
/// <param name="SqnMs">SQN_MS, 12 hex digits.</param>
/// <param name="SqnMsValue">SQN_MS as a number.</param>
/// <param name="MacSValid">Whether MAC-S = f1*(SQN_MS, RAND, AMF 0000) under this K/OPc.</param>
public sealed record AutsReading(string SqnMs, long SqnMsValue, bool MacSValid);
