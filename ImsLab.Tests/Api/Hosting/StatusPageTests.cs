using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImsLab.Tests.Api.Hosting;

public sealed class StatusPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task UnknownDashboardAddressIs404WithTheStyledPage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("radzen-theme-link", html);
    }

    [Fact]
    public async Task UnknownApiAddressIs404ProblemDetails()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
