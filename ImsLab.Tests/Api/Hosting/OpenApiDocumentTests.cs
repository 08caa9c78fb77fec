using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api.Hosting;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task DocumentListsEveryHostEndpointAndSwaggerUiIsServed()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var swagger = await client.GetAsync("/swagger/index.html");

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/tools/aka").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/keys").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/keys").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/keys/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/auth/login").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/auth/logout").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/auth/me").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/metrics").TryGetProperty("get", out _));
        Assert.False(paths.TryGetProperty("/account/login", out _));
        Assert.Equal(System.Net.HttpStatusCode.OK, swagger.StatusCode);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKeyHeader").GetProperty("name").GetString());
    }
}
