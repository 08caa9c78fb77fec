using System.Text.Json;

namespace ImsLab.Tests.Api;

public sealed class OpenApiRestPathsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/subscribers", "post")]
    [InlineData("/api/subscribers", "get")]
    [InlineData("/api/subscribers/{impi}", "get")]
    [InlineData("/api/subscribers/{impi}", "put")]
    [InlineData("/api/subscribers/{impi}", "patch")]
    [InlineData("/api/subscribers/{impi}", "delete")]
    [InlineData("/api/subscribers/import", "post")]
    [InlineData("/api/subscribers/export", "get")]
    [InlineData("/api/subscribers/{impi}/deregister", "post")]
    [InlineData("/api/subscribers/{impi}/reauthenticate", "post")]
    [InlineData("/api/service-profiles", "get")]
    [InlineData("/api/service-profiles", "post")]
    [InlineData("/api/service-profiles/{name}", "get")]
    [InlineData("/api/service-profiles/{name}", "put")]
    [InlineData("/api/service-profiles/{name}", "delete")]
    [InlineData("/api/registrations", "get")]
    [InlineData("/api/registrations/{id}", "get")]
    [InlineData("/api/events", "get")]
    [InlineData("/api/events/stream", "get")]
    public async Task TheOpenApiDocumentListsEveryRestOperation(string path, string method)
    {
        using var client = factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} missing");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} missing");
        Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
    }
}
