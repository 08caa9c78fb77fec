using System.Security.Claims;
using ImsLab.Tests.Api;
using ImsLab.Web.Services.Provisioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Web.Services;

/// <summary>The pages' server-side check before every change, against the host's real policies.</summary>
public sealed class DashboardActorTests : IAsyncLifetime
{
    private readonly ApiFactory _host = new();

    private IAuthorizationService Authorization => _host.Services.GetRequiredService<IAuthorizationService>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<AuthenticationState> As(string? name, string? role) => Task.FromResult(new AuthenticationState(name is null
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role!)], "Cookies", ClaimTypes.Name, ClaimTypes.Role))));

    [Fact]
    public async Task AnAdministratorMayEditAndIsRecordedByName()
    {
        Assert.Equal(new DashboardActor("alice", true), await DashboardActor.ResolveAsync(As("alice", "admin"), Authorization));
    }

    [Fact]
    public async Task AViewerAndAnAnonymousVisitorMayNot()
    {
        Assert.Equal(new DashboardActor("bob", false), await DashboardActor.ResolveAsync(As("bob", "viewer"), Authorization));
        Assert.False((await DashboardActor.ResolveAsync(As(null, null), Authorization)).CanEdit);
    }
}
