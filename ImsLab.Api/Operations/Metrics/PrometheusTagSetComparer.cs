namespace ImsLab.Api.Operations.Metrics;

/// <summary>
/// Finds the series of a measurement straight from the listener's tag span, so recording on an existing series
/// allocates nothing. Order-insensitive: the same tags passed in another order reach the same series.
/// </summary>
internal sealed class PrometheusTagSetComparer
    : IEqualityComparer<PrometheusTagSet>, IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, PrometheusTagSet>
{
    public static PrometheusTagSetComparer Instance { get; } = new();

    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // A sum of per-tag hashes does not depend on the order of the tags.
        var hash = 0;
        foreach (var (key, value) in tags)
        {
            hash = unchecked(hash + HashCode.Combine(key, value));
        }

        return hash;
    }

    public bool Equals(PrometheusTagSet? x, PrometheusTagSet? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals(x.Tags, y));

    public int GetHashCode(PrometheusTagSet obj) => obj.Hash;

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, PrometheusTagSet other)
    {
        if (alternate.Length != other.Tags.Length)
        {
            return false;
        }

        foreach (var (key, value) in alternate)
        {
            if (!Contains(other.Tags, key, value))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => HashOf(alternate);

    public PrometheusTagSet Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => PrometheusTagSet.Create(alternate);

    private static bool Contains(KeyValuePair<string, object?>[] tags, string key, object? value)
    {
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                return Equals(tag.Value, value);
            }
        }

        return false;
    }
}
