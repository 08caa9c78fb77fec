namespace ImsLab.Data.Access;

/// <summary>A user account as shown to administrators (no hash, no salt).</summary>
public sealed record UserAccountInfo(Guid Id, string Username, UserRole Role, DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt, DateTimeOffset? LockedUntil);
