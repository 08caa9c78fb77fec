using Microsoft.AspNetCore.Routing;

namespace ImsLab.Api.Operations.Metrics;

/// <summary>Times every request; labels use the route template, never the raw path, so series stay few.</summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, ApiMetrics metrics, TimeProvider time)
{
    private const string UnmatchedRoute = "unmatched";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? UnmatchedRoute;
            metrics.RequestCompleted(context.Request.Method, route, context.Response.StatusCode, time.GetElapsedTime(started));
        }
    }
}
