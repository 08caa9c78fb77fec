namespace ImsLab.Api.Auth;

/// <summary>Body of POST /api/auth/login.</summary>
internal sealed record LoginRequest(string? Username, string? Password)
{
    public override string ToString() => $"LoginRequest {{ Username = {Username}, Password = *** }}";
}
