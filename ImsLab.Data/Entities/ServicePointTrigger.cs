namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 SPT: one condition of a trigger point, in a group, possibly negated.</summary>
internal sealed class ServicePointTrigger
{
    public Guid Id { get; set; }
    public Guid CriterionId { get; set; }
    public InitialFilterCriterion Criterion { get; set; } = null!;

    /// <summary>The SPT's Group numbers as CNF/DNF groups them (an SPT may belong to several groups: one row each).</summary>
    public int Group { get; set; }

    public bool ConditionNegated { get; set; }
    public ServicePointTriggerKind Kind { get; set; }
    public required string Value { get; set; }
    public string? Content { get; set; }
}
