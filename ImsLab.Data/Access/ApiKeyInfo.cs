namespace ImsLab.Data.Access;

/// <summary>An API key as listed: never the key or its hash.</summary>
public sealed record ApiKeyInfo(Guid Id, string Name, string Prefix, UserRole Role, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
