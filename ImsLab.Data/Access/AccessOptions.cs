namespace ImsLab.Data.Access;

/// <summary>Lockout policy for password logins (ImsLab:Access section).</summary>
public sealed class AccessOptions
{
    /// <summary>Consecutive failed logins that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest accepted password.</summary>
    public int MinPasswordLength { get; set; } = 8;
}
