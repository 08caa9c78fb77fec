namespace ImsLab.Api.Auth;

/// <summary>The partition key of per-client limits.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
