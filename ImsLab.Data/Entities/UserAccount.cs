using ImsLab.Data.Access;

namespace ImsLab.Data.Entities;

/// <summary>A dashboard/API user. The password is stored as a salted PBKDF2-SHA256 hash only.</summary>
internal sealed class UserAccount
{
    public Guid Id { get; set; }

    /// <summary>Lowercase; unique.</summary>
    public required string Username { get; set; }

    public required byte[] PasswordHash { get; set; }
    public required byte[] PasswordSalt { get; set; }

    /// <summary>PBKDF2 iteration count used for this hash, so the default can grow without invalidating old hashes.</summary>
    public int PasswordIterations { get; set; }

    public UserRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
