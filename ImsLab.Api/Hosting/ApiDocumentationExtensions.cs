namespace ImsLab.Api.Hosting;

internal static class ApiDocumentationExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddImsLabApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecuritySchemes>());
        return services;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and a browsable page at /swagger.</summary>
    public static WebApplication MapImsLabApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "ImsLab API v1");
            options.DocumentTitle = "ImsLab API";
        });
        return app;
    }
}
