using System.CommandLine;
using ImsLab.Sip.Ue;
using Microsoft.Extensions.Logging;

namespace ImsLab.UeSim;

/// <summary>ue-sim: registers one simulated UE, prints what happens, deregisters on Ctrl-C.</summary>
internal static class UeSimProgram
{
    private static readonly TimeSpan DeregistrationLimit = TimeSpan.FromSeconds(40);

    public static Task<int> Main(string[] args)
    {
        var command = new UeSimCommand();
        command.Root.SetAction((parsed, ct) => RunAsync(command, parsed, ct));
        return command.Root.Parse(args).InvokeAsync();
    }

    private static async Task<int> RunAsync(UeSimCommand command, ParseResult parsed, CancellationToken ct)
    {
        var options = command.Bind(parsed, Environment.GetEnvironmentVariable, out var errors);
        if (options is null)
        {
            foreach (var error in errors) await Console.Error.WriteLineAsync(error);
            return 2;
        }

        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(parsed.GetValue(command.Verbose) ? LogLevel.Debug : LogLevel.Warning));
        await using var ue = new UeSimulator(options, TimeProvider.System, loggers);
        ue.StateChanged += (_, change) => Console.WriteLine(UeSimCommand.Describe(change));
        ue.NotifyReceived += (_, notification) => Console.WriteLine(
            $"{notification.At:HH:mm:ss.fff} NOTIFY reg version {notification.Document?.Version.ToString() ?? "?"}, subscription {notification.SubscriptionState ?? "?"}");
        if (parsed.GetValue(command.Trace))
        {
            ue.MessageTraced += (_, entry) => Console.WriteLine($"--- {entry.Direction} {entry.At:HH:mm:ss.fff}\n{entry.Text}");
        }

        // The options' ToString would be safe too (credentials redact themselves), but only the identities are useful here.
        Console.WriteLine($"UE {options.Impi} registering {options.Impu} at {options.Registrar} over {options.Transport}; Ctrl-C deregisters and exits.");
        try
        {
            if (await ue.StartAsync(ct) == UeRegistrationState.Failed) return 1;
            // Runs until Ctrl-C, or until the registration ends for good (failure, or a network "rejected").
            while (true)
            {
                var ended = await await Task.WhenAny(
                    ue.WaitForStateAsync(UeRegistrationState.Failed, ct), ue.WaitForStateAsync(UeRegistrationState.Deregistered, ct));
                if (ended.Current == UeRegistrationState.Failed) return 1;
                if (ended.Reason == UeFailureReason.NetworkRejected) return 0;
                // Probation (RFC 3680 retry-after): the simulator registers again by itself.
                await ue.WaitForStateAsync(UeRegistrationState.Registering, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            using var deregistration = new CancellationTokenSource(DeregistrationLimit);
            await ue.StopAsync(deregistration.Token);
            return ue.State == UeRegistrationState.Deregistered ? 0 : 1;
        }
    }
}
