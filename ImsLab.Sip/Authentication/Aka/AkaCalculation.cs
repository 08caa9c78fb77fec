namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Every MILENAGE output for one (K, OPc, AMF, SQN, RAND), as lower-case hex. The lab tool shows these to the
/// engineer on purpose; ToString still redacts the secrets so they never reach a log by accident.
/// </summary>
public sealed record AkaCalculation(string Opc, string MacA, string MacS, string Xres, string Ck, string Ik, string Ak,
    string AkStar, string Autn)
{
    /// <inheritdoc />
    public override string ToString() => $"AkaCalculation {{ Autn = {Autn}, MacA = {MacA}, <secrets redacted> }}";
}
