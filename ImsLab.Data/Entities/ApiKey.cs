using ImsLab.Data.Access;

namespace ImsLab.Data.Entities;

/// <summary>
/// An API key. Only its SHA-256 hash is stored: keys are 256-bit random values, so a fast unsalted hash is enough
/// and makes lookup by hash possible. The prefix is shown in lists to tell keys apart.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required byte[] KeyHash { get; set; }
    public UserRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
