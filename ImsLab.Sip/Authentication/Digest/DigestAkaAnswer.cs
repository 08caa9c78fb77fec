using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>A UE's answer to an AKA challenge: the credentials to send and what its USIM concluded.</summary>
public sealed record DigestAkaAnswer(DigestCredentials Credentials, UsimAuthenticationResult Usim);
