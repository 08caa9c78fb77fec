namespace ImsLab.Api.Subscribers;

/// <summary>One page of subscribers and how many match in all.</summary>
internal sealed record SubscriberListResponse(IReadOnlyList<SubscriberResponse> Items, int Total, int Page, int PageSize);
