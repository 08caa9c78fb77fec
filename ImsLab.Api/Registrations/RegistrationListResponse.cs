namespace ImsLab.Api.Registrations;

/// <summary>One page of live bindings and how many match in all.</summary>
internal sealed record RegistrationListResponse(IReadOnlyList<RegistrationResponse> Items, int Total, int Page, int PageSize);
