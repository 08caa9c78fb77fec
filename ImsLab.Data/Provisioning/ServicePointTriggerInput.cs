using ImsLab.Data.Entities;

namespace ImsLab.Data.Provisioning;

/// <summary>TS 29.228 B.2.2 SPT as provisioned.</summary>
public sealed record ServicePointTriggerInput
{
    /// <summary>The CNF/DNF group the SPT belongs to.</summary>
    public int Group { get; init; }

    /// <summary>ConditionNegated.</summary>
    public bool ConditionNegated { get; init; }

    /// <summary>What the SPT tests.</summary>
    public ServicePointTriggerKind Kind { get; init; }

    /// <summary>Method name, Request-URI, header name, SessionCase name, or SDP line type.</summary>
    public required string Value { get; init; }

    /// <summary>Header content or SDP line content (a regular expression), when relevant.</summary>
    public string? Content { get; init; }
}
