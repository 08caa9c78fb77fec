namespace ImsLab.Sip.Subscribers;

/// <summary>
/// One IMPU of a subscriber as the S-CSCF sees it (TS 29.228 6.3.3 User-Data, TS 23.008 3.5).
/// </summary>
/// <param name="Uri">Normalized sip:/sips:/tel: URI (scheme and host lowercase, no parameters).</param>
/// <param name="Barred">TS 23.008 3.5.3: a barred IMPU is never used to register or to originate.</param>
/// <param name="CanRegister">Whether a REGISTER may name this IMPU in To (false: it only appears in an implicit set).</param>
/// <param name="ImplicitSetId">TS 23.228 4.3.3.4: IMPUs with the same id (within one subscription) register and deregister together.</param>
/// <param name="ServiceProfileName">The service profile (iFCs) attached, or null.</param>
public sealed record PublicIdentity(string Uri, bool Barred, bool CanRegister, int ImplicitSetId, string? ServiceProfileName);
