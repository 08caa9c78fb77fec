using ImsLab.Data.Access;

namespace ImsLab.Api.Auth;

/// <summary>An API key as listed: never the key or its hash.</summary>
internal sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Revoked)
{
    public static ApiKeyResponse From(ApiKeyInfo key) =>
        new(key.Id, key.Name, key.Prefix, ImsLabRoles.Of(key.Role), key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.RevokedAt,
            key.RevokedAt is not null);
}
