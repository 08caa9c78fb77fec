using ImsLab.Api.Hosting.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ImsLab.Api.Hosting;

internal static class ConfigurationExtensions
{
    /// <summary>Where the server answers HTTP when neither --urls, ASPNETCORE_URLS/URLS, HTTP_PORTS nor Kestrel endpoints say otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>Binds and validates the "ImsLab" section, chooses the default HTTP address and the console log format.</summary>
    public static WebApplicationBuilder AddImsLabConfiguration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImsLabOptions>()
            .Bind(builder.Configuration.GetSection(ImsLabOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<ImsLabOptions>, ImsLabOptionsDefaults>();
        builder.Services.AddSingleton<IValidateOptions<ImsLabOptions>, ImsLabOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);

        // Set in code rather than as "Urls" in appsettings.json: appsettings would take precedence over
        // ASPNETCORE_URLS (host-prefixed variables are read before appsettings), and an operator's variable must win.
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.ClearProviders();
        if (configuration.GetValue<bool>($"{ImsLabOptions.SectionName}:Logging:Json"))
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        return builder;
    }
}
