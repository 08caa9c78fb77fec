using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Registrations;

/// <summary>What the registrations table shows of one binding.</summary>
/// <param name="Binding">The binding itself (actions need its IMPI, IMPU and contact).</param>
/// <param name="PublicAddress">Where the REGISTER came from as we saw it: "203.0.113.7:40112" (RFC 5626 flow).</param>
/// <param name="ContactAddress">host:port of the Contact URI, what the UE believes its address is.</param>
/// <param name="BehindNat">The two differ: requests to the UE must follow the flow, not the Contact (RFC 5626 5.3).</param>
/// <param name="Chips">The Contact's feature tags, readable.</param>
public sealed record RegistrationRow(RegistrationBinding Binding, string PublicAddress, string ContactAddress, bool BehindNat,
    IReadOnlyList<FeatureTagChip> Chips)
{
    /// <summary>The row for <paramref name="binding"/>.</summary>
    public static RegistrationRow Of(RegistrationBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var flow = binding.Flow;
        var publicAddress = HostPort(flow.RemoteAddress, flow.RemotePort);
        var contactAddress = binding.ContactUri;
        var behindNat = false;
        if (SipUri.TryParse(binding.ContactUri, out var contact))
        {
            // RFC 3261 19.1.2: no port means the transport's default.
            var port = contact.Port ?? (contact.Scheme == "sips" ? 5061 : 5060);
            contactAddress = HostPort(contact.HostWithoutBrackets, port);
            behindNat = !string.Equals(contactAddress, publicAddress, StringComparison.OrdinalIgnoreCase);
        }
        return new RegistrationRow(binding, publicAddress, contactAddress, behindNat, FeatureTagChips.Describe(binding.FeatureTags));
    }

    private static string HostPort(string host, int port) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}
