namespace ImsLab.Api.Operations.Problems;

/// <summary>
/// Reads an enum from a query string parameter without regard to case (sort=msisdn, type=registered), so a hand-typed
/// URL works as the documentation spells it or not; an unknown name becomes a validation error that lists the names.
/// </summary>
internal static class QueryEnum
{
    /// <summary>
    /// The value named by <paramref name="text"/>, or null when it is blank; an unknown or numeric name adds an error for
    /// <paramref name="parameter"/> to <paramref name="errors"/> and returns null.
    /// </summary>
    public static TEnum? Parse<TEnum>(string? text, string parameter, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var name = text.Trim();
        // Enum.TryParse also takes numbers ("2") and comma lists; neither is a name a client should rely on.
        if (!char.IsDigit(name[0]) && name[0] is not ('-' or '+') && !name.Contains(',')
            && Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        errors[parameter] = [$"One of {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
