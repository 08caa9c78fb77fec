using System.Text;

namespace ImsLab.Sip.Authentication.Digest;

/// <summary>Writes "Digest name=value, ..." with quoted-strings escaped (RFC 3261 25.1 quoted-pair).</summary>
internal sealed class DigestHeaderWriter
{
    private readonly StringBuilder _builder = new("Digest ");
    private bool _first = true;

    public DigestHeaderWriter Quoted(string name, string? value)
    {
        if (value is null) return this;
        Separator().Append(name).Append("=\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\') _builder.Append('\\');
            _builder.Append(c);
        }
        _builder.Append('"');
        return this;
    }

    public DigestHeaderWriter Token(string name, string? value)
    {
        if (value is null) return this;
        Separator().Append(name).Append('=').Append(value);
        return this;
    }

    public DigestHeaderWriter Others(IEnumerable<DigestParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Quoted) Quoted(parameter.Name, parameter.Value);
            else Token(parameter.Name, parameter.Value);
        }
        return this;
    }

    public override string ToString() => _builder.ToString();

    private StringBuilder Separator()
    {
        if (!_first) _builder.Append(", ");
        _first = false;
        return _builder;
    }
}
