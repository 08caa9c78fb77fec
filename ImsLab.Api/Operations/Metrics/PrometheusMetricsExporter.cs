using System.Collections.Concurrent;
using System.Globalization;
using System.Diagnostics.Metrics;
using System.Numerics;
using System.Text;

namespace ImsLab.Api.Operations.Metrics;

/// <summary>
/// Collects every instrument of the ImsLab meters through a <see cref="MeterListener"/> and renders them in the
/// Prometheus text exposition format 0.0.4 (prometheus-net and the OpenTelemetry exporters are not available here).
/// </summary>
internal sealed class PrometheusMetricsExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string MeterNamePrefix = "ImsLab";

    private readonly MeterListener _listener = new();
    private readonly Func<Meter, bool> _includes;
    private readonly ConcurrentDictionary<Instrument, PrometheusInstrumentState> _instruments = new();
    private readonly Lock _collectGate = new();

    public PrometheusMetricsExporter()
        : this(static meter => meter.Name.StartsWith(MeterNamePrefix, StringComparison.Ordinal))
    {
    }

    /// <param name="includes">Which meters to export; tests narrow it to their own meter.</param>
    public PrometheusMetricsExporter(Func<Meter, bool> includes)
    {
        _includes = includes;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out PrometheusInstrumentState? _);
        ListenFor<byte>();
        ListenFor<short>();
        ListenFor<int>();
        ListenFor<long>();
        ListenFor<float>();
        ListenFor<double>();
        ListenFor<decimal>();
        _listener.Start();
    }

    /// <summary>Polls the observable instruments and renders every series.</summary>
    public string Collect()
    {
        lock (_collectGate)
        {
            foreach (var state in _instruments.Values)
            {
                state.ForgetObservations();
            }

            _listener.RecordObservableInstruments();
            return Render();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (_includes(instrument.Meter))
        {
            var state = _instruments.GetOrAdd(instrument, static i => new PrometheusInstrumentState(i));
            listener.EnableMeasurementEvents(instrument, state);
        }
    }

    private void ListenFor<T>()
        where T : struct, INumberBase<T> =>
        _listener.SetMeasurementEventCallback<T>(static (_, measurement, tags, state) =>
            ((PrometheusInstrumentState)state!).Record(double.CreateTruncating(measurement), tags));

    private string Render()
    {
        var text = new StringBuilder();
        // Two instruments with the same name (for example from two meter instances) form one family.
        var families = _instruments.Values
            .GroupBy(state => state.FamilyName, StringComparer.Ordinal)
            .OrderBy(family => family.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var series = family.SelectMany(state => state.Series.Select(s => (state, s)))
                .OrderBy(pair => pair.s.Tags.LabelText, StringComparer.Ordinal)
                .ToList();
            if (series.Count == 0)
            {
                continue;
            }

            var first = family.First();
            if (!string.IsNullOrEmpty(first.Instrument.Description))
            {
                text.Append("# HELP ").Append(family.Key).Append(' ');
                PrometheusText.AppendEscapedHelp(text, first.Instrument.Description);
                text.Append('\n');
            }

            text.Append("# TYPE ").Append(family.Key).Append(' ').Append(first.PrometheusType).Append('\n');
            foreach (var (state, one) in series)
            {
                if (state.Kind == PrometheusInstrumentKind.Histogram)
                {
                    AppendHistogram(text, family.Key, state.BucketBounds!, one);
                }
                else
                {
                    AppendSample(text, family.Key, one.Tags.LabelText, extraLabel: null, PrometheusText.FormatNumber(one.Value));
                }
            }
        }

        return text.ToString();
    }

    private static void AppendHistogram(StringBuilder text, string name, double[] bounds, PrometheusSeries series)
    {
        var (buckets, sum, count) = series.HistogramSnapshot();
        var bucketName = name + "_bucket";
        for (var i = 0; i < bounds.Length; i++)
        {
            AppendSample(text, bucketName, series.Tags.LabelText, PrometheusText.FormatNumber(bounds[i]), buckets[i].ToString(CultureInfo.InvariantCulture));
        }

        AppendSample(text, bucketName, series.Tags.LabelText, "+Inf", count.ToString(CultureInfo.InvariantCulture));
        AppendSample(text, name + "_sum", series.Tags.LabelText, extraLabel: null, PrometheusText.FormatNumber(sum));
        AppendSample(text, name + "_count", series.Tags.LabelText, extraLabel: null, count.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendSample(StringBuilder text, string name, string labels, string? extraLabel, string value)
    {
        text.Append(name);
        if (labels.Length > 0 || extraLabel is not null)
        {
            text.Append('{').Append(labels);
            if (extraLabel is not null)
            {
                // The bucket's upper bound, the histogram's "le" label (already a valid number, nothing to escape).
                text.Append(labels.Length > 0 ? ",le=\"" : "le=\"").Append(extraLabel).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }
}
