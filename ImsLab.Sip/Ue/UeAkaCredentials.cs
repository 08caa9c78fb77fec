using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Sip.Ue;

/// <summary>
/// The ISIM/USIM side of AKA (TS 33.102): K and OPc (or OP), the card's highest accepted SQN (SQN_MS) and how it
/// judges freshness. ToString never shows the keys.
/// </summary>
public sealed class UeAkaCredentials : UeCredentials
{
    /// <summary>Creates AKA credentials.</summary>
    /// <param name="keys">K and OPc (from <see cref="AkaCredentials.FromOp"/> or <see cref="AkaCredentials.FromOpc"/>).</param>
    /// <param name="initialSqnMs">The SQN the card has already accepted: challenges must be fresher (TS 33.102 C.2).</param>
    /// <param name="usim">The freshness rules (IND length, Δ, L); the defaults of <see cref="UsimOptions"/> when null.</param>
    public UeAkaCredentials(AkaCredentials keys, long initialSqnMs = 0, UsimOptions? usim = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(initialSqnMs);
        Keys = keys;
        InitialSqnMs = initialSqnMs;
        Usim = usim ?? new UsimOptions();
    }

    /// <summary>K and OPc. Never logged or printed.</summary>
    public AkaCredentials Keys { get; }

    /// <summary>The highest SQN the card accepted before the simulator started.</summary>
    public long InitialSqnMs { get; }

    /// <summary>How the card judges SQN freshness.</summary>
    public UsimOptions Usim { get; }

    /// <inheritdoc/>
    public override string ToString() => $"UeAkaCredentials {{ Keys = {Keys}, SQN_MS = {InitialSqnMs} }}";
}
