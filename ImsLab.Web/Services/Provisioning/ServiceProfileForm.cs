using ImsLab.Data.Provisioning;

namespace ImsLab.Web.Services.Provisioning;

/// <summary>The service profile editor's state, turned into a <see cref="ServiceProfileInput"/> that the service validates.</summary>
internal sealed class ServiceProfileForm
{
    /// <summary>The profile's name before editing, or null when creating.</summary>
    public string? OriginalName { get; private init; }

    /// <summary>Unique name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The initial filter criteria.</summary>
    public List<CriterionRow> Criteria { get; } = [];

    /// <summary>A form for editing <paramref name="view"/>, or an empty one for a new profile.</summary>
    public static ServiceProfileForm From(ServiceProfileView? view)
    {
        var form = new ServiceProfileForm { OriginalName = view?.Name, Name = view?.Name ?? "" };
        foreach (var c in view?.Criteria ?? [])
        {
            var row = new CriterionRow
            {
                Priority = c.Priority, ConditionType = c.ConditionType, ApplicationServerUri = c.ApplicationServerUri,
                DefaultHandling = c.DefaultHandling, ServiceInfo = c.ServiceInfo,
            };
            row.Triggers.AddRange(c.Triggers.Select(t => new TriggerRow { Group = t.Group, Negated = t.ConditionNegated, Kind = t.Kind, Value = t.Value, Content = t.Content }));
            form.Criteria.Add(row);
        }
        return form;
    }

    /// <summary>A new criterion after the last one, so priorities stay unique (TS 29.228 B.2.2).</summary>
    public CriterionRow AddCriterion()
    {
        var row = new CriterionRow { Priority = Criteria.Count == 0 ? 0 : Criteria.Max(c => c.Priority) + 1 };
        Criteria.Add(row);
        return row;
    }

    /// <summary>The input for CreateAsync or ReplaceAsync.</summary>
    public ServiceProfileInput ToInput() => new()
    {
        Name = Name,
        Criteria = Criteria.Select(c => new InitialFilterCriterionInput
        {
            Priority = c.Priority, ConditionType = c.ConditionType, ApplicationServerUri = c.ApplicationServerUri.Trim(), DefaultHandling = c.DefaultHandling,
            ServiceInfo = string.IsNullOrWhiteSpace(c.ServiceInfo) ? null : c.ServiceInfo,
            Triggers = c.Triggers.Select(t => new ServicePointTriggerInput
            {
                Group = t.Group, ConditionNegated = t.Negated, Kind = t.Kind, Value = t.Value,
                Content = string.IsNullOrWhiteSpace(t.Content) ? null : t.Content,
            }).ToList(),
        }).ToList(),
    };
}
