using BenchmarkDotNet.Attributes;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Benchmarks.Authentication;

/// <summary>MILENAGE throughput: one vector's f1..f5 (target: at least 1,000,000 per second per core).</summary>
[MemoryDiagnoser]
public class MilenageBenchmarks
{
    // TS 35.208 test set 1.
    private static readonly byte[] K = Convert.FromHexString("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static readonly byte[] Opc = Convert.FromHexString("cd63cb71954a9f4e48a5994e37a02baf");
    private static readonly byte[] Rand = Convert.FromHexString("23553cbe9637a89d218ae64dae47bf35");
    private static readonly byte[] Sqn = Convert.FromHexString("ff9bb4d0b607");
    private static readonly byte[] Amf = Convert.FromHexString("b9b9");

    private readonly byte[] _mac = new byte[AkaLength.Mac];
    private readonly byte[] _res = new byte[AkaLength.Res];
    private readonly byte[] _ck = new byte[AkaLength.Ck];
    private readonly byte[] _ik = new byte[AkaLength.Ik];
    private readonly byte[] _ak = new byte[AkaLength.Ak];
    private Milenage _milenage = null!;

    [GlobalSetup]
    public void Setup() => _milenage = new Milenage(K, Opc);

    [GlobalCleanup]
    public void Cleanup() => _milenage.Dispose();

    /// <summary>f1, f2, f3, f4, f5 for one vector with a keyed instance (six AES blocks).</summary>
    [Benchmark(Baseline = true)]
    public byte ComputeVectorF1ToF5()
    {
        _milenage.ComputeVector(Rand, Sqn, Amf, _mac, _res, _ck, _ik, _ak);
        return _res[0];
    }

    /// <summary>The same plus f5* (the calculator's full set).</summary>
    [Benchmark]
    public byte ComputeVectorAndF5Star()
    {
        _milenage.ComputeVector(Rand, Sqn, Amf, _mac, _res, _ck, _ik, _ak);
        _milenage.F5Star(Rand, _ak);
        return _ak[0];
    }

    /// <summary>Keying a new instance per subscriber, then one vector: what the registrar pays per challenge.</summary>
    [Benchmark]
    public byte KeyAndComputeVector()
    {
        using var milenage = new Milenage(K, Opc);
        milenage.ComputeVector(Rand, Sqn, Amf, _mac, _res, _ck, _ik, _ak);
        return _res[0];
    }
}
