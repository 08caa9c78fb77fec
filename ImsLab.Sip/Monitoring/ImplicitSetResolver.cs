using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Sip.Monitoring;

/// <summary>
/// Which IMPUs a filter by one IMPU covers, for the event log and the live feeds alike (REST, SSE, SignalR, dashboard):
/// the IMPU's implicit registration set as the HSS holds it now. TS 23.228 4.3.3.4 / TS 24.229 5.4.1.2: the IMPUs of
/// a set register, refresh and deregister together, but an event names only the IMPU of its REGISTER's To, so the
/// events of an implicitly registered IMPU are recorded under another member of its set.
/// </summary>
public sealed class ImplicitSetResolver(ISubscriberDirectory directory)
{
    /// <summary>
    /// <paramref name="impu"/>, normalized as the registrar normalizes a To URI, with every IMPU of its implicit
    /// registration set (barred ones too: an event about a barred IMPU is still about the set); the sets of every owner
    /// when several IMPIs share it. Only the IMPU itself when the HSS does not know it (a deleted subscriber's
    /// events stay findable). Compared case-insensitively, as the event log compares.
    /// </summary>
    public async ValueTask<IReadOnlySet<string>> ImpusRegisteredWithAsync(string impu, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(impu);
        var key = Normalize(impu.Trim());
        var impus = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { key };
        var lookup = await directory.FindByImpuAsync(key, cancellationToken).ConfigureAwait(false);
        switch (lookup.Outcome)
        {
            case ImpuLookupOutcome.Found:
                AddSet(impus, lookup.Profile!, key);
                break;
            case ImpuLookupOutcome.Ambiguous:
                // TS 23.228 4.3.3.4: a shared IMPU may sit in a different set for each IMPI sharing it.
                foreach (var impi in lookup.CandidateImpis)
                {
                    if (await directory.FindByImpiAsync(impi, cancellationToken).ConfigureAwait(false) is { } profile)
                    {
                        AddSet(impus, profile, key);
                    }
                }
                break;
        }
        return impus;
    }

    // The registrar's form (ImpuNormalizer): text that is no SIP or tel URI is left as typed and matched exactly.
    private static string Normalize(string impu) =>
        SipUri.TryParse(impu, out var uri) && ImpuNormalizer.Normalize(uri) is { } normalized ? normalized : impu;

    private static void AddSet(HashSet<string> impus, SubscriberProfile profile, string impu)
    {
        foreach (var member in profile.ImplicitRegistrationSet(impu))
        {
            impus.Add(member.Uri);
        }
    }
}
