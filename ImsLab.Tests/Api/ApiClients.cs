using System.Net;
using System.Net.Http.Json;
using ImsLab.Data.Access;
using Microsoft.Extensions.DependencyInjection;

namespace ImsLab.Tests.Api;

/// <summary>Clients of the in-process host holding a user's cookie or an API key.</summary>
internal static class ApiClients
{
    public static async Task<HttpClient> LoggedInAsync(ApiFactory factory, string username, string password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static Task<HttpClient> AdminAsync(ApiFactory factory) => LoggedInAsync(factory, "admin", ApiFactory.AdminPassword);

    /// <summary>Creates the user through the same AccessStore the host uses (once per name) and logs in.</summary>
    public static async Task<HttpClient> UserAsync(ApiFactory factory, string username, UserRole role, string password = "user-password-1")
    {
        var access = factory.Services.GetRequiredService<AccessStore>();
        if (!(await access.ListUsersAsync(CancellationToken.None)).Any(u => u.Username == username))
        {
            await access.CreateUserAsync(username, password, role, "test", CancellationToken.None);
        }

        return await LoggedInAsync(factory, username, password);
    }

    public static HttpClient WithHeader(ApiFactory factory, string name, string value)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }
}
