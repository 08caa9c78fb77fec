using BenchmarkDotNet.Running;
using ImsLab.Benchmarks.Live;

namespace ImsLab.Benchmarks;

// Not top-level statements: ImsLab.Api's Program (the host that hub-storm starts) already owns that global name.
internal static class BenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        // "hub-storm" is a load measurement against the real host, not a BenchmarkDotNet micro-benchmark (README, Measuring).
        if (args is ["hub-storm", .. var stormArgs])
        {
            return await HubStorm.RunAsync(stormArgs);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
        return 0;
    }
}
