namespace ImsLab.Api.Hosting.Configuration;

/// <summary>Registrar policy (RFC 3261 10.3, TS 24.229 5.4.1).</summary>
internal sealed class RegistrationPolicyOptions
{
    /// <summary>RFC 3261 10.3 step 7: shorter requested expiry is answered with 423 and Min-Expires.</summary>
    public int MinExpires { get; set; } = 60;

    public int MaxExpires { get; set; } = 7200;

    /// <summary>Used when the REGISTER carries neither an Expires header nor an expires parameter.</summary>
    public int DefaultExpires { get; set; } = 3600;

    public int MaxContactsPerImpu { get; set; } = 10;

    /// <summary>Failed authentication attempts in a row before the registrar answers 403 instead of a new challenge.</summary>
    public int MaxAuthFailures { get; set; } = 3;
}
