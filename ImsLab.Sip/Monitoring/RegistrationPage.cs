using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>One page of live bindings and how many matched in all.</summary>
public sealed record RegistrationPage(IReadOnlyList<RegistrationBinding> Items, int Total, int Page, int PageSize);
