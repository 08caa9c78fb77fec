using ImsLab.Data.Entities;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>One editable service point trigger (TS 29.228 B.2.2 SPT) of the service profile editor.</summary>
internal sealed class TriggerRow
{
    /// <summary>The CNF/DNF group.</summary>
    public int Group { get; set; }

    /// <summary>ConditionNegated.</summary>
    public bool Negated { get; set; }

    /// <summary>What the SPT tests.</summary>
    public ServicePointTriggerKind Kind { get; set; } = ServicePointTriggerKind.Method;

    /// <summary>Method, Request-URI, header name, SessionCase or SDP line type.</summary>
    public string Value { get; set; } = "";

    /// <summary>Header or SDP line content (a regular expression), when relevant.</summary>
    public string? Content { get; set; }
}
