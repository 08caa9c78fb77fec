using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ImsLab.Api.Operations.Metrics;

/// <summary>One listened-to instrument: its Prometheus identity and its series.</summary>
internal sealed class PrometheusInstrumentState
{
    // Prometheus' client default buckets, meant for latencies in seconds.
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // OpenTelemetry's default explicit buckets, for anything that is not in seconds.
    private static readonly double[] GeneralBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly ConcurrentDictionary<PrometheusTagSet, PrometheusSeries> _series = new(PrometheusTagSetComparer.Instance);
    private readonly ConcurrentDictionary<PrometheusTagSet, PrometheusSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;

    public PrometheusInstrumentState(Instrument instrument)
    {
        Instrument = instrument;
        Kind = KindOf(instrument);
        BucketBounds = Kind == PrometheusInstrumentKind.Histogram ? BoundsOf(instrument) : null;
        FamilyName = FamilyNameOf(instrument, Kind);
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public Instrument Instrument { get; }

    public PrometheusInstrumentKind Kind { get; }

    public string FamilyName { get; }

    public double[]? BucketBounds { get; }

    public string PrometheusType => Kind switch
    {
        PrometheusInstrumentKind.Counter or PrometheusInstrumentKind.ObservedCounter => "counter",
        PrometheusInstrumentKind.Histogram => "histogram",
        _ => "gauge",
    };

    public ICollection<PrometheusSeries> Series => _series.Values;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_lookup.TryGetValue(tags, out var series))
        {
            var tagSet = PrometheusTagSet.Create(tags);
            series = _series.GetOrAdd(tagSet, static (key, bounds) => new PrometheusSeries(key, bounds), BucketBounds);
        }

        switch (Kind)
        {
            case PrometheusInstrumentKind.Counter or PrometheusInstrumentKind.UpDownCounter:
                series.Add(value);
                break;
            case PrometheusInstrumentKind.Histogram:
                series.Observe(value);
                break;
            default:
                series.Set(value);
                break;
        }
    }

    /// <summary>Observable instruments report afresh at every collection; a tag set they stop reporting disappears.</summary>
    public void ForgetObservations()
    {
        if (Instrument.IsObservable)
        {
            _series.Clear();
        }
    }

    private static PrometheusInstrumentKind KindOf(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
        {
            return PrometheusInstrumentKind.Counter;
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return PrometheusInstrumentKind.ObservedCounter;
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return PrometheusInstrumentKind.UpDownCounter;
        }

        return definition == typeof(Histogram<>) ? PrometheusInstrumentKind.Histogram : PrometheusInstrumentKind.Gauge;
    }

    private static double[] BoundsOf(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        return advised ?? (instrument.Unit == "s" ? SecondsBuckets : GeneralBuckets);
    }

    private static string FamilyNameOf(Instrument instrument, PrometheusInstrumentKind kind)
    {
        // Prometheus naming practice: the base unit as a suffix, and counters end in _total.
        var name = PrometheusText.SanitizeName(instrument.Name);
        var unitSuffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        if (unitSuffix.Length > 0 && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }

        if (kind is PrometheusInstrumentKind.Counter or PrometheusInstrumentKind.ObservedCounter
            && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }
}
