namespace ImsLab.Api.Auth;

/// <summary>Who the caller is: a user name or "api-key:{name}", and the role.</summary>
internal sealed record SignedInUser(string Name, string Role, string Scheme);
