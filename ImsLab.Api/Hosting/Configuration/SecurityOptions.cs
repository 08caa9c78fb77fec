namespace ImsLab.Api.Hosting.Configuration;

/// <summary>Brute-force protection of the credential endpoints.</summary>
internal sealed class SecurityOptions
{
    /// <summary>Login attempts one client IP may make per <see cref="AttemptWindow"/> before it gets 429.</summary>
    public int LoginAttemptsPerWindow { get; set; } = 10;

    /// <summary>Failed API-key attempts one client IP may make per <see cref="AttemptWindow"/> before it gets 429.</summary>
    public int FailedApiKeyAttemptsPerWindow { get; set; } = 10;

    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(1);
}
