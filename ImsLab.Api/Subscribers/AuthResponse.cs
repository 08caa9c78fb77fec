namespace ImsLab.Api.Subscribers;

/// <summary>Credentials as answered: which secrets are stored, never their values (AMF and SQN are not secrets).</summary>
internal sealed record AuthResponse(IReadOnlyList<string> Schemes, bool KSet, bool OpSet, bool OpcSet, string? Amf, string Sqn, bool PasswordSet,
    string? Realm);
