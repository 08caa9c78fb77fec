using System.Security.Cryptography;
using ImsLab.Api.Hosting.Configuration;
using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Auth;

/// <summary>
/// On a server with no user yet, creates "admin" with ImsLab:Admin:Password, or with a generated password that is
/// printed once on standard output (deliberately not through the logger, so it never reaches a log shipper).
/// Registered after the data layer's initializer, so the schema exists when it runs.
/// </summary>
internal sealed class FirstAdministrator(
    AccessStore access, IOptions<ImsLabOptions> options, ILogger<FirstAdministrator> logger) : IHostedService
{
    public const string Username = "admin";
    private const int GeneratedLength = 20;

    // No look-alike characters (0/O, 1/l/I), so the printed password can be typed from a screen.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await access.AnyUserAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.Admin.Password;
        var password = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetString(Alphabet, GeneratedLength) : configured;
        var result = await access.CreateUserAsync(Username, password, UserRole.Admin, "system", cancellationToken);
        if (result is ProvisioningResult<UserAccountInfo>.Invalid(var errors))
        {
            // Operator error in configuration: stop with a message naming the setting (never the value).
            throw new InvalidOperationException(
                $"ImsLab:Admin:Password is not acceptable: {string.Join(" ", errors.SelectMany(e => e.Value))}");
        }

        if (!string.IsNullOrEmpty(configured))
        {
            AccessLog.FirstAdminCreatedFromConfiguration(logger, Username);
            return;
        }

        AccessLog.FirstAdminCreatedWithGeneratedPassword(logger, Username);
        Console.Out.WriteLine("================================================================");
        Console.Out.WriteLine($"ImsLab first start: created user '{Username}' with password {password}");
        Console.Out.WriteLine("Shown only this once. Log in at /login and keep it somewhere safe.");
        Console.Out.WriteLine("================================================================");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
