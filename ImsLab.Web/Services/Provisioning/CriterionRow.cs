using ImsLab.Data.Entities;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>One editable initial filter criterion (TS 29.228 B.2.2) of the service profile editor.</summary>
internal sealed class CriterionRow
{
    /// <summary>Evaluation order, lower first.</summary>
    public int Priority { get; set; }

    /// <summary>How the trigger groups combine.</summary>
    public TriggerConditionType ConditionType { get; set; } = TriggerConditionType.Cnf;

    /// <summary>The application server's SIP URI.</summary>
    public string ApplicationServerUri { get; set; } = "";

    /// <summary>What the S-CSCF does when the AS does not answer.</summary>
    public DefaultHandling DefaultHandling { get; set; } = DefaultHandling.SessionContinued;

    /// <summary>ServiceInfo passed to the AS.</summary>
    public string? ServiceInfo { get; set; }

    /// <summary>The SPTs; none means the criterion always matches.</summary>
    public List<TriggerRow> Triggers { get; } = [];
}
