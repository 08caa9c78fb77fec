namespace ImsLab.Api.Auth;

/// <summary>Body of POST /api/keys.</summary>
/// <param name="Name">What the key is for, e.g. "ci-provisioning".</param>
/// <param name="Role">"admin" or "viewer".</param>
internal sealed record CreateApiKeyRequest(string? Name, string? Role);
