using BenchmarkDotNet.Attributes;
using ImsLab.Sip.RegEvent;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Benchmarks.Registrar;

/// <summary>
/// The registrar's own hot work per REGISTER and per NOTIFY, without sockets or storage: applying a REGISTER's
/// contacts to the bindings of a set (RFC 3261 10.3 rules) and writing the reginfo document of a NOTIFY.
/// </summary>
[MemoryDiagnoser]
public class RegistrarBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);
    private readonly RegistrarOptions _options = new();
    private readonly PublicIdentity[] _members =
    [
        new("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org", false, true, 1, null),
        new("tel:+15550000001", false, true, 1, null),
    ];
    private BindingRequest _request = null!;
    private RegistrationBinding[] _current = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = new BindingRequest
        {
            Impu = _members[0].Uri,
            Impi = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org",
            Contacts =
            [
                new RequestedContact("sip:001010000000001@10.0.0.1:5060",
                    ";+sip.instance=\"<urn:gsma:imei:35396707-002435-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";expires=600000",
                    600000, null, "urn:gsma:imei:35396707-002435-0", null, ["+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\""]),
            ],
            Wildcard = false,
            CallId = "apb03a0s09dkjdfglkj49111",
            CSeq = 2,
            Flow = new BindingFlow("UDP", "10.0.0.1", 5060, "10.0.0.254", 5060, 0),
            Now = Now,
        };
        _current = BindingUpdate.Compute([], _request, _options, "sip:scscf.ims.lab", string.Equals).Bindings;
        _request = _request with { CSeq = 3 };
    }

    [Benchmark]
    public int InitialBinding() => BindingUpdate.Compute([], _request, _options, "sip:scscf.ims.lab", string.Equals).Changes.Count;

    [Benchmark]
    public int RefreshBinding() => BindingUpdate.Compute(_current, _request, _options, "sip:scscf.ims.lab", string.Equals).Changes.Count;

    [Benchmark]
    public int FullStateReginfo() =>
        ReginfoXmlWriter.Write(ReginfoBuilder.Build(7, _members, _current, [new ContactChange(_current[0], ContactEvent.Refreshed)], Now)).Length;
}
