using BenchmarkDotNet.Attributes;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Benchmarks.Authentication;

/// <summary>Whole authentication vectors as the S-CSCF makes them: SQN allocation, random RAND, MILENAGE, AUTN.</summary>
[MemoryDiagnoser]
public class AkaVectorBenchmarks
{
    private AkaVectorGenerator _generator = null!;
    private AkaCredentials _credentials = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generator = new AkaVectorGenerator(new SequenceNumberAllocator(new CountingStore(), new SequenceNumberOptions { BlockSize = 32 }));
        _credentials = AkaCredentials.FromOpc(Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc"),
            Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf"), Convert.FromHexString("8000"));
    }

    [Benchmark]
    public async Task<AkaVector> GenerateVector() => await _generator.GenerateAsync("impi@ims.example.net", _credentials, default);

    // The port's storage side is out of scope here: a counter stands in for ImsLab.Data so that the figure is
    // the cost of the authentication code itself.
    private sealed class CountingStore : ISequenceNumberStore
    {
        private long _last;

        public ValueTask<long?> ReserveSeqAsync(string impi, int count, long maxSeq, CancellationToken ct) =>
            ValueTask.FromResult<long?>(Interlocked.Add(ref _last, count) - count + 1);

        public ValueTask AdvanceSeqAsync(string impi, long seqMs, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
