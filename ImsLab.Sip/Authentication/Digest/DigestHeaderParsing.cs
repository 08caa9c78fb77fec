namespace ImsLab.Sip.Authentication.Digest;

/// <summary>The parse loop shared by challenges and credentials: scheme, then parameters into a sink.</summary>
internal static class DigestHeaderParsing
{
    public static DigestParseError Read<TSink>(ref DigestHeaderReader reader, TSink sink, out string? parameter)
        where TSink : IDigestParameterSink
    {
        parameter = null;
        var error = reader.ReadScheme();
        if (error != DigestParseError.None) return error;
        while (reader.TryReadParameter(out string name, out string value, out bool quoted, out error))
        {
            error = sink.Accept(name, value, quoted, out parameter);
            if (error != DigestParseError.None) return error;
        }
        return error;
    }

    /// <summary>Parses every "Digest ..." element of a value (some UEs repeat the credentials in one header).</summary>
    public static DigestParseResult<IReadOnlyList<T>> ReadAll<T>(ReadOnlySpan<char> text, Func<string, DigestParseResult<T>> parseOne)
        where T : class
    {
        var all = new List<T>();
        var reader = new DigestHeaderReader(text);
        while (true)
        {
            int start = reader.Position;
            var error = reader.ReadScheme();
            if (error == DigestParseError.Empty && all.Count > 0) break;
            if (error != DigestParseError.None) return DigestParseResult<IReadOnlyList<T>>.Failure(error, reader.Position);
            while (reader.TryReadParameter(out _, out _, out _, out error)) { }
            if (error != DigestParseError.None) return DigestParseResult<IReadOnlyList<T>>.Failure(error, reader.Position);
            var one = parseOne(text[start..reader.Position].ToString());
            if (!one.IsSuccess)
                return DigestParseResult<IReadOnlyList<T>>.Failure(one.Error, start + one.Position, one.Parameter);
            all.Add(one.Value!);
            if (reader.AtEnd) break;
        }
        return DigestParseResult<IReadOnlyList<T>>.Success(all);
    }

    public static DigestParseError SetOnce(ref string? field, string value)
    {
        if (field is not null) return DigestParseError.DuplicateParameter;
        field = value;
        return DigestParseError.None;
    }

    public static DigestParseError AddOther(List<DigestParameter> others, string name, string value, bool quoted)
    {
        if (others.Exists(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) return DigestParseError.DuplicateParameter;
        others.Add(new DigestParameter(name, value, quoted));
        return DigestParseError.None;
    }
}
