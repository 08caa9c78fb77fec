using ImsLab.Api.Hosting;
using ImsLab.Api.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ImsLab.Tests.Api.Hosting.Configuration;

public sealed class ImsLabOptionsTests
{
    private static ImsLabOptions Bind(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddImsLabConfiguration();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<ImsLabOptions>>().Value;
    }

    [Fact]
    public void DefaultsListenOnUdpAndTcp5060InTheTestPlmnDomain()
    {
        var options = Bind();

        Assert.Equal("ims.mnc001.mcc001.3gppnetwork.org", options.Sip.Domain);
        Assert.Equal("ims.mnc001.mcc001.3gppnetwork.org", options.Sip.EffectiveRealm);
        Assert.Equal("sip:scscf.ims.mnc001.mcc001.3gppnetwork.org", options.Sip.EffectiveScscfUri);
        Assert.Equal(["Udp 0.0.0.0:5060", "Tcp 0.0.0.0:5060"], options.Sip.Listeners.Select(l => l.ToString()));
        Assert.Equal((60, 7200, 3600, 10, 3), (options.Sip.Registration.MinExpires, options.Sip.Registration.MaxExpires,
            options.Sip.Registration.DefaultExpires, options.Sip.Registration.MaxContactsPerImpu, options.Sip.Registration.MaxAuthFailures));
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Sip.Timers.T1);
    }

    [Fact]
    public void CommandLineListenersReplaceTheDefaultsInsteadOfAddingToThem()
    {
        var options = Bind("--ImsLab:Sip:Listeners:0:Protocol=Tcp", "--ImsLab:Sip:Listeners:0:Address=127.0.0.1",
            "--ImsLab:Sip:Listeners:0:Port=5070", "--ImsLab:Sip:Domain=lab.example.org");

        Assert.Equal(["Tcp 127.0.0.1:5070"], options.Sip.Listeners.Select(l => l.ToString()));
        Assert.Equal("lab.example.org", options.Sip.EffectiveRealm);
    }

    [Fact]
    public void ValidationNamesEveryBadSetting()
    {
        var options = new ImsLabOptions();
        options.Sip.Timers.T2 = TimeSpan.FromMilliseconds(100);
        options.Sip.Registration.DefaultExpires = 10;
        options.Sip.Listeners.Add(new SipListenerOptions { Address = "not-an-ip", Port = 70000 });

        var result = new ImsLabOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("ImsLab:Sip:Timers:T2 must not be shorter than T1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ImsLab:Sip:Registration:DefaultExpires (10)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ImsLab:Sip:Listeners:0:Address must be an IP address", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ImsLab:Sip:Listeners:0:Port must be between 0 and 65535", StringComparison.Ordinal));
        Assert.Equal(4, failures.Count);
    }

    [Fact]
    public void HostRefusesToStartWithAnInvalidSetting()
    {
        var builder = WebApplication.CreateBuilder(["--ImsLab:Sip:Registration:MinExpires=0"]);
        builder.AddImsLabConfiguration();
        using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(app.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("ImsLab:Sip:Registration:MinExpires must be at least 1 second (got 0).", error.Message);
    }

    [Theory]
    [InlineData("true", ConsoleFormatterNames.Json)]
    [InlineData("false", ConsoleFormatterNames.Simple)]
    public void LoggingJsonFlagChoosesTheConsoleFormat(string json, string formatter)
    {
        var builder = WebApplication.CreateBuilder(["--ImsLab:Logging:Json=" + json]);
        builder.AddImsLabConfiguration();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(formatter, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    [Fact]
    public void DefaultHttpAddressGivesWayToAspNetCoreUrls()
    {
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:5099"]);
        builder.AddImsLabConfiguration();

        Assert.Equal("http://127.0.0.1:5099", builder.WebHost.GetSetting("urls"));
    }

    [Fact]
    public void WithoutAnAddressTheServerListensOnLocalhost5000()
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.AddImsLabConfiguration();

        Assert.Equal("http://localhost:5000", builder.WebHost.GetSetting("urls"));
    }
}
