namespace ImsLab.Sip.Registrar;

/// <summary>A binding that falls due at <paramref name="ExpiresAt"/>, found again through the IMPU it is registered under.</summary>
internal readonly record struct BindingExpiry(string Impu, Guid BindingId, DateTimeOffset ExpiresAt);
