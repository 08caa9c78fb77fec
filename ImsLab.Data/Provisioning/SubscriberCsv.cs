using System.Text;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Data.Provisioning;

/// <summary>
/// The CSV form of subscribers (RFC 4180 quoting). Header line, in this order:
/// <c>impi,subscription,schemes,k,op,opc,amf,sqn,password,ha1_md5,ha1_sha256,realm,imsi,msisdn,enabled,impus,allowed_visited_networks</c>.
/// schemes: space-separated AKAv1-MD5 AKAv2-MD5 MD5 SHA-256; impus: space-separated URIs, all in implicit set 1,
/// registrable and not barred (use JSON for anything finer); allowed_visited_networks: space-separated, empty for
/// any; enabled: true/false (empty = true); empty cells are "not given".
/// </summary>
public static class SubscriberCsv
{
    /// <summary>The required header line.</summary>
    public const string Header = "impi,subscription,schemes,k,op,opc,amf,sqn,password,ha1_md5,ha1_sha256,realm,imsi,msisdn,enabled,impus,allowed_visited_networks";

    private static readonly string[] Columns = Header.Split(',');

    // The cell is not echoed: in a row with shifted columns it may hold a key.
    private static readonly string UnknownScheme = $"Unknown scheme; use {string.Join(", ", AuthSchemeNames.All.Select(n => n.Name))}.";

    /// <summary>One subscriber as a line under <see cref="Header"/>.</summary>
    public static string Line(SubscriberInput s) => string.Join(',', new[]
    {
        s.Impi, s.Subscription, string.Join(' ', AuthSchemeNames.Format(s.AllowedSchemes)),
        s.K, s.Op, s.Opc, s.Amf, s.Sqn, s.Password, s.Ha1Md5, s.Ha1Sha256, s.DigestRealm, s.Imsi, s.Msisdn,
        s.Enabled ? "true" : "false", string.Join(' ', s.PublicIdentities.Select(p => p.Uri)),
        s.AllowedVisitedNetworks is null ? null : string.Join(' ', s.AllowedVisitedNetworks),
    }.Select(Quote));

    /// <summary>
    /// Reads rows. A row with the wrong number of cells yields only its error; a row with cells that are not what their
    /// column takes (an unknown scheme, an enabled that is not true or false) yields those errors and an input of its
    /// other cells, so the import reports every mistake of the row at once, not one per attempt.
    /// </summary>
    internal static IEnumerable<(int Row, SubscriberInput? Input, IReadOnlyList<ImportRowError> Errors)> Read(TextReader reader)
    {
        var header = ReadRecord(reader);
        if (header is null || !header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Columns))
        {
            yield return (0, null, [new ImportRowError(0, null, "header", $"The first line must be: {Header}")]);
            yield break;
        }
        var row = 0;
        while (ReadRecord(reader) is { } cells)
        {
            row++;
            if (cells.Count == 1 && cells[0].Length == 0) continue;
            if (cells.Count != Columns.Length)
            {
                yield return (row, null, [new ImportRowError(row, cells[0], "row", $"Expected {Columns.Length} cells, found {cells.Count}.")]);
                continue;
            }
            string? Cell(int i) => cells[i].Length == 0 ? null : cells[i];
            var errors = new List<ImportRowError>();
            var schemes = AuthScheme.None;
            foreach (var token in (Cell(2) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (AuthSchemeNames.TryParse(token, out var scheme)) schemes |= scheme;
                else errors.Add(new ImportRowError(row, cells[0], "schemes", UnknownScheme));
            }
            var enabled = Cell(14) is null || bool.TryParse(Cell(14), out var parsed) && parsed;
            if (Cell(14) is { } text && !bool.TryParse(text, out _)) errors.Add(new ImportRowError(row, cells[0], "enabled", "Expected true or false."));
            yield return (row, new SubscriberInput
            {
                Impi = cells[0], Subscription = Cell(1), AllowedSchemes = schemes, K = Cell(3), Op = Cell(4), Opc = Cell(5), Amf = Cell(6),
                Sqn = Cell(7), Password = Cell(8), Ha1Md5 = Cell(9), Ha1Sha256 = Cell(10), DigestRealm = Cell(11), Imsi = Cell(12),
                Msisdn = Cell(13), Enabled = enabled,
                PublicIdentities = (Cell(15) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => new PublicIdentityInput { Uri = u }).ToList(),
                AllowedVisitedNetworks = Cell(16)?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            }, errors);
        }
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>One RFC 4180 record (quoted cells may span lines), or null at the end.</summary>
    private static List<string>? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0) return null;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0) break;
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                    else quoted = false;
                }
                else cell.Append((char)c);
                continue;
            }
            if (c < 0 || c == '\n') break;
            if (c == '\r') continue;
            if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else cell.Append((char)c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
