using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImsLab.Tests.Api.Hosting;

public sealed class DashboardHostingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private HttpClient NonRedirectingClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task BareAddressIsTheOverviewAndAsksAnonymousVisitorsToLogIn()
    {
        using var client = NonRedirectingClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/login?returnUrl=%2F", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ProtectedPageSendsAnonymousVisitorsToTheLoginFormWithTheirReturnAddress()
    {
        using var client = NonRedirectingClient();

        var response = await client.GetAsync("/tools/aka");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/login?returnUrl=%2Ftools%2Faka", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
    [InlineData("/_content/Radzen.Blazor/css/material-dark-base.css")]
    [InlineData("/_content/ImsLab.Web/imslab.css")]
    public async Task ScriptsAndStylesTheDashboardNeedsAreServed(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LoginPageRendersWithoutACircuitAndCarriesAnAntiforgeryToken()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/login");

        Assert.Contains("action=\"account/login\"", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.DoesNotContain("\"type\":\"server\"", html);
    }
}
