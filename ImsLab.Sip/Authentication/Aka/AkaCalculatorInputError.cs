namespace ImsLab.Sip.Authentication.Aka;

/// <summary>One problem with a calculator input, naming the field (for example "K" or "SQN").</summary>
public sealed record AkaCalculatorInputError(string Field, string Message);
