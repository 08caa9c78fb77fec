using ImsLab.Api.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImsLab.Api.Hosting;

/// <summary>
/// Declares the two ways to send an API key in the OpenAPI document, so generated clients and the Swagger UI's
/// "Authorize" button know them. The cookie is for browsers and is not listed.
/// </summary>
internal sealed class ApiKeySecuritySchemes : IOpenApiDocumentTransformer
{
    private const string BearerScheme = "Bearer";
    private const string HeaderScheme = "ApiKeyHeader";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created with POST /api/keys, as 'Authorization: Bearer <key>'.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyHeaders.XApiKey,
            Description = "The same API key, as 'X-Api-Key: <key>'.",
        };
        // Either scheme is enough: two requirement objects, not one with both.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
