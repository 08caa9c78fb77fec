namespace ImsLab.Sip.Messages;

/// <summary>Canonical names of the SIP header fields ImsLab knows (RFC 3261 20, RFC 3327, RFC 3608, RFC 3455, RFC 3329, RFC 6665).</summary>
public static class SipHeaderNames
{
#pragma warning disable CS1591 // The constant names are the header names; a doc comment per constant would only repeat them.
    public const string Accept = "Accept";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string AlertInfo = "Alert-Info";
    public const string Allow = "Allow";
    public const string AllowEvents = "Allow-Events";
    public const string AuthenticationInfo = "Authentication-Info";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string CallInfo = "Call-Info";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLanguage = "Content-Language";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Date = "Date";
    public const string ErrorInfo = "Error-Info";
    public const string Identity = "Identity";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string InReplyTo = "In-Reply-To";
    public const string MaxForwards = "Max-Forwards";
    public const string MimeVersion = "MIME-Version";
    public const string MinExpires = "Min-Expires";
    public const string Organization = "Organization";
    public const string PAccessNetworkInfo = "P-Access-Network-Info";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string PAssociatedUri = "P-Associated-URI";
    public const string PChargingFunctionAddresses = "P-Charging-Function-Addresses";
    public const string PChargingVector = "P-Charging-Vector";
    public const string PPreferredIdentity = "P-Preferred-Identity";
    public const string PVisitedNetworkId = "P-Visited-Network-ID";
    public const string Path = "Path";
    public const string Priority = "Priority";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string RecordRoute = "Record-Route";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string ReplyTo = "Reply-To";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string SecurityClient = "Security-Client";
    public const string SecurityServer = "Security-Server";
    public const string SecurityVerify = "Security-Verify";
    public const string Server = "Server";
    public const string ServiceRoute = "Service-Route";
    public const string SessionExpires = "Session-Expires";
    public const string Subject = "Subject";
    public const string SubscriptionState = "Subscription-State";
    public const string Supported = "Supported";
    public const string Timestamp = "Timestamp";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string Warning = "Warning";
    public const string WwwAuthenticate = "WWW-Authenticate";
#pragma warning restore CS1591

    /// <summary>Every canonical name above, for the parser's name table.</summary>
    internal static readonly string[] All =
    [
        Accept, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents, AuthenticationInfo, Authorization,
        CallId, CallInfo, Contact, ContentDisposition, ContentEncoding, ContentLanguage, ContentLength, ContentType,
        CSeq, Date, ErrorInfo, Event, Identity, Expires, From, InReplyTo, MaxForwards, MimeVersion, MinExpires, Organization,
        PAccessNetworkInfo, PAssertedIdentity, PAssociatedUri, PChargingFunctionAddresses, PChargingVector,
        PPreferredIdentity, PVisitedNetworkId, Path, Priority, ProxyAuthenticate, ProxyAuthorization, ProxyRequire,
        RecordRoute, ReferTo, ReferredBy, ReplyTo, Require, RetryAfter, Route, SecurityClient, SecurityServer,
        SecurityVerify, Server, ServiceRoute, SessionExpires, Subject, SubscriptionState, Supported, Timestamp, To, Unsupported,
        UserAgent, Via, Warning, WwwAuthenticate,
    ];

    /// <summary>
    /// Maps a header name as written (any case, compact or long) to its canonical long name, or returns the name
    /// unchanged when it is not a known header.
    /// </summary>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetCanonical(name.AsSpan(), out var canonical) ? canonical : name;
    }

    // A known header's id is the index of its canonical name in All. Header lists store ids, not references: a parse
    // then writes no references into the table (no GC write barriers) and a lookup compares integers.
    internal static readonly int ViaId = Array.IndexOf(All, Via);
    internal static readonly int FromId = Array.IndexOf(All, From);
    internal static readonly int ToId = Array.IndexOf(All, To);
    internal static readonly int CallIdId = Array.IndexOf(All, CallId);
    internal static readonly int CSeqId = Array.IndexOf(All, CSeq);
    internal static readonly int MaxForwardsId = Array.IndexOf(All, MaxForwards);
    internal static readonly int ContentLengthId = Array.IndexOf(All, ContentLength);
    internal static readonly int ContactId = Array.IndexOf(All, Contact);

    /// <summary>The canonical name of a known header id.</summary>
    internal static string NameOf(int id) => All[id];

    internal static bool TryGetCanonical(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonical)
    {
        if (TryGetId(name, out var id))
        {
            canonical = All[id];
            return true;
        }

        canonical = null;
        return false;
    }

    /// <summary>
    /// The id of a header name received as octets, in any case, compact or long; false for a header ImsLab does not know.
    /// <paramref name="exact"/> tells whether the name was written in canonical case.
    /// </summary>
    internal static bool TryGetId(ReadOnlySpan<byte> name, out int id, out bool exact)
    {
        exact = false;
        if (name.Length == 1)
        {
            id = IdOfCompact((char)name[0]);
            return id >= 0;
        }

        // Every line of every message passes here: flat tables, so that a lookup is a few dependent loads, not a walk
        // through arrays of arrays.
        if (name.Length > 1 && name.Length <= LongestName)
        {
            var names = Utf8Names;
            for (int candidate = FirstInBucket[BucketOf(name.Length, name[0])]; candidate >= 0; candidate = NextInBucket[candidate])
            {
                // Senders nearly always write the canonical case: try the exact comparison first.
                var known = names.AsSpan(Utf8Offsets[candidate], name.Length);
                exact = name.SequenceEqual(known);
                if (exact || System.Text.Ascii.EqualsIgnoreCase(name, known))
                {
                    id = candidate;
                    return true;
                }
            }
        }

        id = -1;
        return false;
    }

    // Ids grouped by length and first letter, so that a lookup compares against one candidate, rarely two. A bucket is
    // a chain: its first id, then each id's successor (-1 ends it).
    private const int LetterBuckets = 32;
    private static readonly int LongestName = All.Max(n => n.Length);
    private static readonly sbyte[] FirstInBucket = ChainBuckets(out NextInBucket);
    private static readonly sbyte[] NextInBucket;

    // The names as UTF-8 one after the other, so that the parser compares octets with octets instead of widening each name.
    private static readonly byte[] Utf8Names = System.Text.Encoding.ASCII.GetBytes(string.Concat(All));
    private static readonly int[] Utf8Offsets = All.Select((_, id) => All.Take(id).Sum(n => n.Length)).ToArray();

    private static int BucketOf(int length, int firstLetter) => (length * LetterBuckets) + (firstLetter & (LetterBuckets - 1));

    private static sbyte[] ChainBuckets(out sbyte[] next)
    {
        var first = new sbyte[BucketOf(LongestName + 1, 0)];
        Array.Fill(first, (sbyte)-1);
        next = new sbyte[All.Length];
        for (var id = All.Length - 1; id >= 0; id--)
        {
            var bucket = BucketOf(All[id].Length, All[id][0]);
            next[id] = first[bucket];
            first[bucket] = (sbyte)id;
        }

        return first;
    }

    /// <summary>As the octet overload, on characters.</summary>
    internal static bool TryGetId(ReadOnlySpan<char> name, out int id)
    {
        if (name.Length == 1)
        {
            id = IdOfCompact(name[0]);
            return id >= 0;
        }

        if (name.Length > 1 && name.Length <= LongestName)
        {
            for (int candidate = FirstInBucket[BucketOf(name.Length, name[0])]; candidate >= 0; candidate = NextInBucket[candidate])
            {
                if (name.Equals(All[candidate], StringComparison.OrdinalIgnoreCase))
                {
                    id = candidate;
                    return true;
                }
            }
        }

        id = -1;
        return false;
    }

    // Indexed by the lower-case letter of a compact form.
    private static readonly int[] CompactIds = Enumerable.Range(0, 128).Select(c => FromCompact((char)c) is { } name ? Array.IndexOf(All, name) : -1).ToArray();

    private static int IdOfCompact(char letter) => letter < 128 ? CompactIds[char.ToLowerInvariant(letter)] : -1;

    // RFC 3261 7.3.3 and 20 compact forms, plus RFC 6665 (o, u), RFC 3515 (r), RFC 4028 (x), RFC 3892 (b), RFC 8224 (y).
    private static string? FromCompact(char letter) => char.ToLowerInvariant(letter) switch
    {
        'i' => CallId,
        'f' => From,
        't' => To,
        'v' => Via,
        'm' => Contact,
        'l' => ContentLength,
        'k' => Supported,
        'c' => ContentType,
        'e' => ContentEncoding,
        's' => Subject,
        'o' => Event,
        'r' => ReferTo,
        'u' => AllowEvents,
        'x' => SessionExpires,
        'b' => ReferredBy,
        'y' => Identity,
        _ => null,
    };
}
