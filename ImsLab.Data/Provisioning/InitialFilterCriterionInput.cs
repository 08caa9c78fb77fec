using ImsLab.Data.Entities;

namespace ImsLab.Data.Provisioning;

/// <summary>TS 29.228 B.2.2 InitialFilterCriteria as provisioned and shown.</summary>
public sealed record InitialFilterCriterionInput
{
    /// <summary>Evaluation order (lower first); unique within the profile.</summary>
    public int Priority { get; init; }

    /// <summary>How the SPT groups combine.</summary>
    public TriggerConditionType ConditionType { get; init; } = TriggerConditionType.Cnf;

    /// <summary>The application server's SIP URI.</summary>
    public required string ApplicationServerUri { get; init; }

    /// <summary>What to do when the AS does not answer.</summary>
    public DefaultHandling DefaultHandling { get; init; } = DefaultHandling.SessionContinued;

    /// <summary>ServiceInfo for the AS, optional.</summary>
    public string? ServiceInfo { get; init; }

    /// <summary>The trigger point's SPTs; none means the criterion always matches.</summary>
    public IReadOnlyList<ServicePointTriggerInput> Triggers { get; init; } = [];
}
