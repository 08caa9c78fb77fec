namespace ImsLab.Api.Operations.Metrics;

/// <summary>The aggregated value of one instrument for one tag set.</summary>
internal sealed class PrometheusSeries(PrometheusTagSet tags, double[]? bucketBounds)
{
    private readonly Lock _gate = new();
    private readonly long[]? _bucketCounts = bucketBounds is null ? null : new long[bucketBounds.Length + 1];
    private double _value;
    private long _count;

    public PrometheusTagSet Tags { get; } = tags;

    public void Add(double delta)
    {
        lock (_gate)
        {
            _value += delta;
        }
    }

    public void Set(double value)
    {
        lock (_gate)
        {
            _value = value;
        }
    }

    /// <summary>Histogram: counts the value in the first bucket whose upper bound is at least the value (le is inclusive).</summary>
    public void Observe(double value)
    {
        var bounds = bucketBounds!;
        var index = 0;
        while (index < bounds.Length && value > bounds[index])
        {
            index++;
        }

        lock (_gate)
        {
            _bucketCounts![index]++;
            _value += value;
            _count++;
        }
    }

    public double Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    /// <summary>Cumulative bucket counts (the last is +Inf and equals the count), the sum and the count, read together.</summary>
    public (long[] CumulativeBuckets, double Sum, long Count) HistogramSnapshot()
    {
        lock (_gate)
        {
            var cumulative = new long[_bucketCounts!.Length];
            long running = 0;
            for (var i = 0; i < cumulative.Length; i++)
            {
                running += _bucketCounts[i];
                cumulative[i] = running;
            }

            return (cumulative, _value, _count);
        }
    }
}
