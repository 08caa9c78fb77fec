namespace ImsLab.Sip.Subscribers;

/// <summary>
/// Implemented by the SIP engine: provisioning calls it for every IMPI it created, changed or deleted, right after the
/// change is stored and the subscriber cache invalidated, so that what the engine keeps per IMPI beyond that cache
/// (the SEQ block reserved for its next vectors) follows the change as the cached profile does.
/// </summary>
public interface ISubscriberChangeObserver
{
    /// <summary>The stored subscriber <paramref name="impi"/> was created, changed or deleted.</summary>
    void PrivateIdentityChanged(string impi);
}
