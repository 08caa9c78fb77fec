using ImsLab.Sip.Parsing;

namespace ImsLab.Tests.Support;

/// <summary>
/// The RFC 4475 and RFC 5118 torture messages copied byte-exact into Sip/Corpus, and what the parser must make of each
/// (our reading of MANIFEST.md; transport tests reuse the status codes).
/// </summary>
internal static class TortureCorpus
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Sip", "Corpus");

    /// <summary>RFC 4475 file name → expected parse error (None = parses) and the status code the parser suggests.</summary>
    public static readonly IReadOnlyDictionary<string, (SipParseError Error, int Status)> Rfc4475 = new Dictionary<string, (SipParseError, int)>
    {
        // 3.1.1 valid messages
        ["wsinv.dat"] = (SipParseError.None, 0),
        ["intmeth.dat"] = (SipParseError.None, 0),
        ["esc01.dat"] = (SipParseError.None, 0),
        ["escnull.dat"] = (SipParseError.None, 0),
        ["esc02.dat"] = (SipParseError.None, 0),
        ["lwsdisp.dat"] = (SipParseError.None, 0),
        ["longreq.dat"] = (SipParseError.None, 0),
        ["dblreq.dat"] = (SipParseError.None, 0),
        ["semiuri.dat"] = (SipParseError.None, 0),
        ["transports.dat"] = (SipParseError.None, 0),
        ["mpart01.dat"] = (SipParseError.None, 0),
        ["unreason.dat"] = (SipParseError.None, 0),
        ["noreason.dat"] = (SipParseError.None, 0),

        // 3.1.2 invalid messages
        ["badinv01.dat"] = (SipParseError.InvalidVia, 400),
        ["clerr.dat"] = (SipParseError.BodyShorterThanContentLength, 400),
        ["ncl.dat"] = (SipParseError.InvalidContentLength, 400),
        ["scalar02.dat"] = (SipParseError.InvalidCSeq, 400),
        ["scalarlg.dat"] = (SipParseError.InvalidCSeq, 0),
        ["quotbal.dat"] = (SipParseError.InvalidFromOrTo, 400),
        ["ltgtruri.dat"] = (SipParseError.InvalidRequestUri, 400),
        ["lwsruri.dat"] = (SipParseError.InvalidStartLine, 400),
        ["lwsstart.dat"] = (SipParseError.InvalidStartLine, 400),
        ["trws.dat"] = (SipParseError.InvalidStartLine, 400),
        ["escruri.dat"] = (SipParseError.InvalidRequestUri, 400),
        // Our choice for baddate: the parser ignores Date (it does not matter to processing); SipDate reads it as null.
        ["baddate.dat"] = (SipParseError.None, 0),
        ["regbadct.dat"] = (SipParseError.InvalidContact, 400),
        ["badaspec.dat"] = (SipParseError.InvalidFromOrTo, 400),
        // The archive's baddn.dat has no empty line after its headers: as a datagram it is truncated.
        ["baddn.dat"] = (SipParseError.MissingHeaderTerminator, 400),
        ["badvers.dat"] = (SipParseError.UnsupportedVersion, 505),
        ["mismatch01.dat"] = (SipParseError.CSeqMethodMismatch, 400),
        ["mismatch02.dat"] = (SipParseError.CSeqMethodMismatch, 501),
        ["bigcode.dat"] = (SipParseError.InvalidStatusCode, 0),

        // 3.2 transaction layer: well formed for the parser; the transaction layer judges the empty branch.
        ["badbranch.dat"] = (SipParseError.None, 0),

        // 3.3 application layer: the parser accepts all but the three that are malformed.
        ["insuf.dat"] = (SipParseError.MissingRequiredHeader, 400),
        ["unkscm.dat"] = (SipParseError.None, 0),
        ["novelsc.dat"] = (SipParseError.None, 0),
        ["unksm2.dat"] = (SipParseError.None, 0),
        ["bext01.dat"] = (SipParseError.None, 0),
        ["invut.dat"] = (SipParseError.None, 0),
        ["regaut01.dat"] = (SipParseError.None, 0),
        ["multi01.dat"] = (SipParseError.DuplicateSingleValueHeader, 400),
        ["mcl01.dat"] = (SipParseError.InvalidContentLength, 400),
        ["bcast.dat"] = (SipParseError.None, 0),
        ["zeromf.dat"] = (SipParseError.None, 0),
        ["cparam01.dat"] = (SipParseError.None, 0),
        ["cparam02.dat"] = (SipParseError.None, 0),
        ["regescrt.dat"] = (SipParseError.None, 0),
        ["sdp01.dat"] = (SipParseError.None, 0),

        // 3.4 backward compatibility
        ["inv2543.dat"] = (SipParseError.None, 0),
    };

    /// <summary>RFC 5118 wire file name (CRLF, closed header section) → expected parse error and status.</summary>
    public static readonly IReadOnlyDictionary<string, (SipParseError Error, int Status)> Rfc5118 = new Dictionary<string, (SipParseError, int)>
    {
        ["ipv6-good.sip"] = (SipParseError.None, 0),
        ["ipv6-bad.sip"] = (SipParseError.InvalidRequestUri, 400),
        ["port-ambiguous.sip"] = (SipParseError.None, 0),
        ["port-unambiguous.sip"] = (SipParseError.None, 0),
        ["via-received-param-with-delim.sip"] = (SipParseError.None, 0),
        ["via-received-param-no-delim.sip"] = (SipParseError.None, 0),
        ["ipv6-in-sdp.sip"] = (SipParseError.None, 0),
        ["mult-ip-in-header.sip"] = (SipParseError.None, 0),
        ["mult-ip-in-sdp.sip"] = (SipParseError.None, 0),
        ["ipv4-mapped-ipv6.sip"] = (SipParseError.None, 0),
        ["ipv6-bug-abnf-3-colons.sip"] = (SipParseError.None, 0),
        ["ipv6-correct-abnf-2-colons.sip"] = (SipParseError.None, 0),
    };

    public static byte[] ReadRfc4475(string file) => File.ReadAllBytes(Path.Combine(Root, "rfc4475", file));

    public static byte[] ReadRfc5118Wire(string file) => File.ReadAllBytes(Path.Combine(Root, "rfc5118", "wire", file));

    public static byte[] ReadRfc5118Archive(string file) => File.ReadAllBytes(Path.Combine(Root, "rfc5118", file));

    public static IEnumerable<string> Rfc4475FilesOnDisk() =>
        Directory.GetFiles(Path.Combine(Root, "rfc4475"), "*.dat").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static IEnumerable<string> Rfc5118WireFilesOnDisk() =>
        Directory.GetFiles(Path.Combine(Root, "rfc5118", "wire"), "*.sip").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
