namespace ImsLab.Sip.Authentication.Digest;

/// <summary>An auth-param this code does not interpret, kept so that it can be written back as received.</summary>
/// <param name="Name">Parameter name as received.</param>
/// <param name="Value">Value with quoting and escapes removed.</param>
/// <param name="Quoted">Whether the value arrived as a quoted-string.</param>
public sealed record DigestParameter(string Name, string Value, bool Quoted);
