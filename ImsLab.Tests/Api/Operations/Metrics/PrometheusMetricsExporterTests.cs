using System.Diagnostics.Metrics;
using ImsLab.Api.Operations.Metrics;

namespace ImsLab.Tests.Api.Operations.Metrics;

public sealed class PrometheusMetricsExporterTests : IDisposable
{
    private readonly Meter _meter = new("ImsLab.Tests.Exporter." + Guid.NewGuid().ToString("N"));
    private readonly PrometheusMetricsExporter _exporter;

    public PrometheusMetricsExporterTests()
    {
        _exporter = new PrometheusMetricsExporter(meter => ReferenceEquals(meter, _meter));
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void CounterIsRenderedWithHelpTypeTotalSuffixAndEscapedSortedLabels()
    {
        var counter = _meter.CreateCounter<long>("imslab.test.requests", description: "Requests \\ handled\nper route");

        counter.Add(2, new("route", "x\"y"), new("agent", "line\nbreak\\"));
        counter.Add(3, new("agent", "line\nbreak\\"), new("route", "x\"y"));

        Assert.Equal(
            "# HELP imslab_test_requests_total Requests \\\\ handled\\nper route\n" +
            "# TYPE imslab_test_requests_total counter\n" +
            "imslab_test_requests_total{agent=\"line\\nbreak\\\\\",route=\"x\\\"y\"} 5\n",
            _exporter.Collect());
    }

    [Fact]
    public void HistogramRendersCumulativeBucketsWithInclusiveUpperBoundsSumAndCount()
    {
        var histogram = _meter.CreateHistogram<double>("imslab.test.latency", unit: "s", description: "Latency",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.125, 1] });

        foreach (var value in new[] { 0.0625, 0.125, 0.5, 3 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("transport", "udp"));
        }

        Assert.Equal(
            "# HELP imslab_test_latency_seconds Latency\n" +
            "# TYPE imslab_test_latency_seconds histogram\n" +
            "imslab_test_latency_seconds_bucket{transport=\"udp\",le=\"0.125\"} 2\n" +
            "imslab_test_latency_seconds_bucket{transport=\"udp\",le=\"1\"} 3\n" +
            "imslab_test_latency_seconds_bucket{transport=\"udp\",le=\"+Inf\"} 4\n" +
            "imslab_test_latency_seconds_sum{transport=\"udp\"} 3.6875\n" +
            "imslab_test_latency_seconds_count{transport=\"udp\"} 4\n",
            _exporter.Collect());
    }

    [Fact]
    public void HistogramWithoutAdviceInSecondsUsesPrometheusDefaultBuckets()
    {
        var histogram = _meter.CreateHistogram<double>("imslab.test.wait", unit: "s");

        histogram.Record(0.2);

        var text = _exporter.Collect();
        Assert.Contains("imslab_test_wait_seconds_bucket{le=\"0.1\"} 0\n", text);
        Assert.Contains("imslab_test_wait_seconds_bucket{le=\"0.25\"} 1\n", text);
        Assert.Contains("imslab_test_wait_seconds_bucket{le=\"10\"} 1\n", text);
        Assert.DoesNotContain("# HELP", text);
    }

    [Fact]
    public void UpDownCounterIsAGaugeThatGoesDown()
    {
        var bindings = _meter.CreateUpDownCounter<int>("imslab.test.bindings");

        bindings.Add(5);
        bindings.Add(-2);

        Assert.Equal("# TYPE imslab_test_bindings gauge\nimslab_test_bindings 3\n", _exporter.Collect());
    }

    [Fact]
    public void ObservableInstrumentsAreReadAtCollectionAndForgetSeriesNoLongerReported()
    {
        var listeners = new List<Measurement<double>>
        {
            new(1, new KeyValuePair<string, object?>("protocol", "udp")),
            new(double.PositiveInfinity, new KeyValuePair<string, object?>("protocol", "tcp")),
        };
        _meter.CreateObservableGauge("imslab.test.listeners", () => listeners.ToArray());
        long sent = 41;
        _meter.CreateObservableCounter("imslab.test.notifies", () => ++sent);

        var first = _exporter.Collect();
        listeners.RemoveAt(1);
        var second = _exporter.Collect();

        Assert.Equal(
            "# TYPE imslab_test_listeners gauge\n" +
            "imslab_test_listeners{protocol=\"tcp\"} +Inf\n" +
            "imslab_test_listeners{protocol=\"udp\"} 1\n" +
            "# TYPE imslab_test_notifies_total counter\n" +
            "imslab_test_notifies_total 42\n",
            first);
        Assert.Equal(
            "# TYPE imslab_test_listeners gauge\n" +
            "imslab_test_listeners{protocol=\"udp\"} 1\n" +
            "# TYPE imslab_test_notifies_total counter\n" +
            "imslab_test_notifies_total 43\n",
            second);
    }

    [Fact]
    public void DefaultExporterTakesImsLabMetersAndIgnoresOthers()
    {
        using var exporter = new PrometheusMetricsExporter();
        using var ours = new Meter("ImsLab.Tests.Ours." + Guid.NewGuid().ToString("N"));
        using var theirs = new Meter("Other.Library");
        ours.CreateCounter<int>("imslab.tests.ours.only").Add(1);
        theirs.CreateCounter<int>("other.library.only").Add(1);

        var text = exporter.Collect();

        Assert.Contains("imslab_tests_ours_only_total 1\n", text);
        Assert.DoesNotContain("other_library_only", text);
    }

    [Fact]
    public void NamesWithIllegalCharactersOrALeadingDigitAreSanitized()
    {
        _meter.CreateCounter<long>("9lives-per.cat").Add(1, new KeyValuePair<string, object?>("fur.colour", true));

        Assert.Equal("# TYPE _9lives_per_cat_total counter\n_9lives_per_cat_total{fur_colour=\"true\"} 1\n", _exporter.Collect());
    }
}
