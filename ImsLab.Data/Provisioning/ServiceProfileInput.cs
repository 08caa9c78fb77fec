namespace ImsLab.Data.Provisioning;

/// <summary>A service profile as provisioned.</summary>
public sealed record ServiceProfileInput
{
    /// <summary>Unique name; IMPUs refer to the profile by it.</summary>
    public required string Name { get; init; }

    /// <summary>The initial filter criteria.</summary>
    public IReadOnlyList<InitialFilterCriterionInput> Criteria { get; init; } = [];
}
