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
        // Load and memory measurements against the real engine or host, not BenchmarkDotNet micro-benchmarks (README, Measuring).
        if (args is ["hub-storm", .. var stormArgs])
        {
            return await HubStorm.RunAsync(stormArgs);
        }
        if (args is ["memory", ..])
        {
            return await RegisteredContactsMemoryProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
        return 0;
    }
}
