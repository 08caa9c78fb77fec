using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImsLab.Api.Operations.Health;

/// <summary>Writes the readiness report as JSON so an operator sees which check failed and why.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
