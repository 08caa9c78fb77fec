namespace ImsLab.Web.Services.Tools;

/// <summary>
/// Every MILENAGE output for the request (lower-case hex) and, when an AUTS was given, what it says. These are
/// shown to the engineer on purpose; ToString redacts them so they never reach a log by accident.
/// </summary>
public sealed record AkaToolResult(
    string Opc,
    string MacA,
    string MacS,
    string Xres,
    string Ck,
    string Ik,
    string Ak,
    string AkStar,
    string Autn,
    AutsReading? Auts)
{
    /// <inheritdoc />
    public override string ToString() => $"AkaToolResult {{ Autn = {Autn}, <secrets redacted> }}";
}
