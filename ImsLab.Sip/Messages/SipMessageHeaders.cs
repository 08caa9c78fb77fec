namespace ImsLab.Sip.Messages;

/// <summary>
/// Typed, parse-on-demand views of the headers the IMS registrar and reg-event package use. Lists hold every value of
/// every line in order (comma-separated and repeated forms alike); malformed values are skipped, single values read as
/// null. Authorization, WWW-Authenticate and Proxy-* stay raw (<see cref="SipHeaderList.GetAll"/>): the authentication
/// layer parses digest parameters.
/// </summary>
public static class SipMessageHeaders
{
    extension(SipMessage message)
    {
        /// <summary>Min-Expires in seconds (RFC 3261 20.23), or null.</summary>
        public int? MinExpires => SipHeaderReader.ReadDeltaSeconds(message.Headers, SipHeaderNames.MinExpires);

        /// <summary>Path values (RFC 3327), top first.</summary>
        public IReadOnlyList<SipNameAddress> Paths => SipHeaderReader.ReadNameAddresses(message.Headers, SipHeaderNames.Path);

        /// <summary>Service-Route values (RFC 3608), in order.</summary>
        public IReadOnlyList<SipNameAddress> ServiceRoutes => SipHeaderReader.ReadNameAddresses(message.Headers, SipHeaderNames.ServiceRoute);

        /// <summary>P-Associated-URI values (RFC 7315 4.1), the implicitly registered public identities in order.</summary>
        public IReadOnlyList<SipNameAddress> PAssociatedUris => SipHeaderReader.ReadNameAddresses(message.Headers, SipHeaderNames.PAssociatedUri);

        /// <summary>Record-Route values (RFC 3261 20.30), in order.</summary>
        public IReadOnlyList<SipNameAddress> RecordRoutes => SipHeaderReader.ReadNameAddresses(message.Headers, SipHeaderNames.RecordRoute);

        /// <summary>Route values (RFC 3261 20.34), in order.</summary>
        public IReadOnlyList<SipNameAddress> Routes => SipHeaderReader.ReadNameAddresses(message.Headers, SipHeaderNames.Route);

        /// <summary>The first P-Access-Network-Info value (RFC 7315 5.4), or null.</summary>
        public SipAccessNetworkInfo? PAccessNetworkInfo =>
            message.PAccessNetworkInfos is { Count: > 0 } values ? values[0] : null;

        /// <summary>All P-Access-Network-Info values (a P-CSCF may add a network-provided one).</summary>
        public IReadOnlyList<SipAccessNetworkInfo> PAccessNetworkInfos =>
            SipHeaderReader.ReadAll<SipAccessNetworkInfo>(message.Headers, SipHeaderNames.PAccessNetworkInfo, static (string text, out SipAccessNetworkInfo? value) => SipAccessNetworkInfo.TryParse(text, out value));

        /// <summary>P-Visited-Network-ID values (RFC 7315 4.3), quotes removed.</summary>
        public IReadOnlyList<string> PVisitedNetworkIds
        {
            get
            {
                var values = new List<string>();
                foreach (var value in SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.PVisitedNetworkId))
                {
                    var semicolon = SipGrammar.IndexOfUnquoted(value, ';');
                    values.Add(SipGrammar.Unquote(SipGrammar.TrimLws(semicolon < 0 ? value : value.AsSpan(0, semicolon))));
                }

                return values;
            }
        }

        /// <summary>Option tags of Supported (RFC 3261 20.37).</summary>
        public IReadOnlyList<string> Supported => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.Supported);

        /// <summary>Option tags of Require (RFC 3261 20.32).</summary>
        public IReadOnlyList<string> Require => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.Require);

        /// <summary>Option tags of Proxy-Require (RFC 3261 20.29).</summary>
        public IReadOnlyList<string> ProxyRequire => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.ProxyRequire);

        /// <summary>Option tags of Unsupported (RFC 3261 20.40).</summary>
        public IReadOnlyList<string> Unsupported => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.Unsupported);

        /// <summary>Methods of Allow (RFC 3261 20.5).</summary>
        public IReadOnlyList<string> Allow => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.Allow);

        /// <summary>Media ranges of Accept as written, parameters included (RFC 3261 20.1).</summary>
        public IReadOnlyList<string> Accept => SipHeaderReader.ReadTokens(message.Headers, SipHeaderNames.Accept);

        /// <summary>Security-Client mechanisms (RFC 3329 2.2).</summary>
        public IReadOnlyList<SipSecurityMechanism> SecurityClient => ReadMechanisms(message.Headers, SipHeaderNames.SecurityClient);

        /// <summary>Security-Server mechanisms (RFC 3329 2.2).</summary>
        public IReadOnlyList<SipSecurityMechanism> SecurityServer => ReadMechanisms(message.Headers, SipHeaderNames.SecurityServer);

        /// <summary>Security-Verify mechanisms (RFC 3329 2.2).</summary>
        public IReadOnlyList<SipSecurityMechanism> SecurityVerify => ReadMechanisms(message.Headers, SipHeaderNames.SecurityVerify);

        /// <summary>The Event header (RFC 6665 8.2.1), or null.</summary>
        public SipEvent? Event =>
            message.Headers.GetFirstCanonical(SipHeaderNames.Event) is { } text && SipEvent.TryParse(text, out var value) ? value : null;

        /// <summary>The Subscription-State header (RFC 6665 8.2.3), or null.</summary>
        public SipSubscriptionState? SubscriptionState =>
            message.Headers.GetFirstCanonical(SipHeaderNames.SubscriptionState) is { } text && SipSubscriptionState.TryParse(text, out var value) ? value : null;

        /// <summary>Warning values (RFC 3261 20.43).</summary>
        public IReadOnlyList<SipWarning> Warnings =>
            SipHeaderReader.ReadAll<SipWarning>(message.Headers, SipHeaderNames.Warning, static (string text, out SipWarning? value) => SipWarning.TryParse(text, out value));

        /// <summary>User-Agent as written, or null.</summary>
        public string? UserAgent => message.Headers.GetFirstCanonical(SipHeaderNames.UserAgent)?.Trim();

        /// <summary>Server as written, or null.</summary>
        public string? Server => message.Headers.GetFirstCanonical(SipHeaderNames.Server)?.Trim();

        /// <summary>
        /// The Date header (RFC 3261 20.17, an RFC 1123 date that must be GMT), or null when absent or malformed.
        /// RFC 4475 baddate: a non-GMT zone is read as null rather than rejecting the message.
        /// </summary>
        public DateTimeOffset? Date =>
            message.Headers.GetFirstCanonical(SipHeaderNames.Date) is { } text ? SipDate.Parse(text) : null;
    }

    private static IReadOnlyList<SipSecurityMechanism> ReadMechanisms(SipHeaderList headers, string canonical) =>
        SipHeaderReader.ReadAll<SipSecurityMechanism>(headers, canonical, static (string text, out SipSecurityMechanism? value) => SipSecurityMechanism.TryParse(text, out value));
}
