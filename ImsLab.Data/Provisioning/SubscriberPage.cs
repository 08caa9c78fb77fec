namespace ImsLab.Data.Provisioning;

/// <summary>One page of subscribers and the total matching the filter.</summary>
public sealed record SubscriberPage(IReadOnlyList<SubscriberView> Items, int Total, int Skip, int Take);
