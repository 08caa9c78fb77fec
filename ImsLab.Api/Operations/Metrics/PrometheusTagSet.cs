using System.Globalization;
using System.Text;

namespace ImsLab.Api.Operations.Metrics;

/// <summary>
/// The labels of one time series: the tags as recorded (for allocation-free matching of later measurements, see
/// <see cref="PrometheusTagSetComparer"/>) and the rendered label text, sorted by name so series compare stably.
/// </summary>
internal sealed class PrometheusTagSet
{
    private PrometheusTagSet(KeyValuePair<string, object?>[] tags, string labelText, int hash)
    {
        Tags = tags;
        LabelText = labelText;
        Hash = hash;
    }

    public static PrometheusTagSet Empty { get; } = new([], "", 0);

    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>name="value" pairs joined by commas, without braces; empty when there are no tags.</summary>
    public string LabelText { get; }

    public int Hash { get; }

    public static PrometheusTagSet Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return Empty;
        }

        var copy = tags.ToArray();
        Array.Sort(copy, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (key, value) in copy)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(PrometheusText.SanitizeName(key)).Append("=\"");
            PrometheusText.AppendEscapedLabelValue(text, FormatValue(value));
            text.Append('"');
        }

        return new PrometheusTagSet(copy, text.ToString(), PrometheusTagSetComparer.HashOf(tags));
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
