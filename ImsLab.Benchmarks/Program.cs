using System.Globalization;
using BenchmarkDotNet.Running;
using ImsLab.Benchmarks.Live;
using ImsLab.Benchmarks.Memory;

namespace ImsLab.Benchmarks;

// Not top-level statements: ImsLab.Api's Program (the host that hub-storm starts) already owns that global name.
internal static class BenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        // "memory [count]" runs the registered-contacts memory probe; "hub-storm ..." the live hub under a registration
        // storm (README, Measuring); anything else goes to BenchmarkDotNet.
        if (args is ["memory", ..])
        {
            return await RegisteredContactsMemoryProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        }
        if (args is ["hub-storm", .. var stormArgs])
        {
            return await HubStorm.RunAsync(stormArgs);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
        return 0;
    }
}
