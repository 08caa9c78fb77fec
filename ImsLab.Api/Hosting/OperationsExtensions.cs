using ImsLab.Api.Operations.Health;
using ImsLab.Data;
using ImsLab.Api.Operations.Metrics;
using ImsLab.Api.Operations.Problems;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ImsLab.Api.Hosting;

internal static class OperationsExtensions
{
    public const string ReadinessTag = "ready";

    /// <summary>Health checks (readiness probes are added by the parts that own them), metrics and ProblemDetails.</summary>
    public static IServiceCollection AddImsLabOperations(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Unreadable bodies and parameters throw in every environment, not only in Development (the default), so that
        // the handler answers them with a detail instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddHealthChecks()
            .AddCheck<ReadinessProbesHealthCheck>("readiness-probes", tags: [ReadinessTag])
            .AddDbContextCheck<ImsLabDbContext>("database", tags: [ReadinessTag]);
        services.AddMetrics();
        services.AddSingleton<ApiMetrics>();
        services.AddSingleton<PrometheusMetricsExporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapImsLabOperations(this IEndpointRouteBuilder endpoints)
    {
        // Listen from start-up rather than from the first scrape, so nothing measured before it is lost.
        endpoints.ServiceProvider.GetRequiredService<PrometheusMetricsExporter>();
        // Liveness runs no checks: the process answers, so it is alive; restarting it would not fix a dependency.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Operations");
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).WithTags("Operations");
        endpoints.MapGet("/metrics", GetMetrics)
            .WithTags("Operations")
            .WithSummary("Prometheus text exposition (format 0.0.4) of every ImsLab meter.");
        return endpoints;
    }

    private static IResult GetMetrics(PrometheusMetricsExporter exporter) =>
        TypedResults.Text(exporter.Collect(), PrometheusMetricsExporter.ContentType);
}
