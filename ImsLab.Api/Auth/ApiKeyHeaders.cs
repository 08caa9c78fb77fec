using Microsoft.Net.Http.Headers;

namespace ImsLab.Api.Auth;

/// <summary>Where a request carries an API key.</summary>
internal static class ApiKeyHeaders
{
    public const string XApiKey = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    public static bool TryRead(HttpRequest request, out string key)
    {
        var explicitKey = request.Headers[XApiKey].ToString();
        if (explicitKey.Length > 0)
        {
            key = explicitKey.Trim();
            return true;
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        // RFC 6750 2.1: the "Bearer" scheme name is case-insensitive.
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            key = authorization[BearerPrefix.Length..].Trim();
            return true;
        }

        key = "";
        return false;
    }
}
