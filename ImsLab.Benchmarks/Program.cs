using System.Globalization;
using BenchmarkDotNet.Running;
using ImsLab.Benchmarks.Memory;

// "memory [count]" runs the registered-contacts memory probe; anything else goes to BenchmarkDotNet.
if (args is ["memory", ..])
{
    return await RegisteredContactsMemoryProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
