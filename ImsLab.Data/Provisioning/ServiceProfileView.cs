namespace ImsLab.Data.Provisioning;

/// <summary>A service profile as shown, with how many IMPUs use it.</summary>
public sealed record ServiceProfileView(Guid Id, string Name, IReadOnlyList<InitialFilterCriterionInput> Criteria, int PublicIdentityCount);
