namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 ConditionTypeCNF: how the SPT groups combine.</summary>
public enum TriggerConditionType
{
    /// <summary>Conjunctive normal form: AND of groups, each group an OR of its SPTs.</summary>
    Cnf,
    /// <summary>Disjunctive normal form: OR of groups, each group an AND of its SPTs.</summary>
    Dnf,
}
