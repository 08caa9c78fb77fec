namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.1 ServiceProfile: the initial filter criteria applied to the IMPUs that use it.</summary>
internal sealed class ServiceProfile
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<InitialFilterCriterion> Criteria { get; set; } = [];
}
