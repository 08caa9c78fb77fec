namespace ImsLab.Api.Operations.Metrics;

/// <summary>How an instrument's measurements are aggregated and which Prometheus metric type it is exposed as.</summary>
internal enum PrometheusInstrumentKind
{
    /// <summary>Counter&lt;T&gt;: deltas summed, exposed as a counter.</summary>
    Counter,

    /// <summary>ObservableCounter&lt;T&gt;: the callback reports the running total, exposed as a counter.</summary>
    ObservedCounter,

    /// <summary>UpDownCounter&lt;T&gt;: deltas summed, exposed as a gauge.</summary>
    UpDownCounter,

    /// <summary>Gauge&lt;T&gt;, ObservableGauge&lt;T&gt;, ObservableUpDownCounter&lt;T&gt;: last value wins, exposed as a gauge.</summary>
    Gauge,

    /// <summary>Histogram&lt;T&gt;: bucketed, exposed as a histogram.</summary>
    Histogram,
}
