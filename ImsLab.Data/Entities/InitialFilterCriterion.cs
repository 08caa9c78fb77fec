namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 InitialFilterCriteria: when its trigger point matches, route to the application server.</summary>
internal sealed class InitialFilterCriterion
{
    public Guid Id { get; set; }
    public Guid ServiceProfileId { get; set; }
    public ServiceProfile ServiceProfile { get; set; } = null!;

    /// <summary>Lower is evaluated first; unique within a profile.</summary>
    public int Priority { get; set; }

    public TriggerConditionType ConditionType { get; set; }
    public required string ApplicationServerUri { get; set; }
    public DefaultHandling DefaultHandling { get; set; }

    /// <summary>TS 29.228 B.2.3 ServiceInfo, passed to the AS in the REGISTER body; optional.</summary>
    public string? ServiceInfo { get; set; }

    public List<ServicePointTrigger> Triggers { get; set; } = [];
}
