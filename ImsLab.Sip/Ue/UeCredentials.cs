namespace ImsLab.Sip.Ue;

/// <summary>What a simulated UE authenticates with: an ISIM/USIM (<see cref="UeAkaCredentials"/>) or a password (<see cref="UePasswordCredentials"/>).</summary>
public abstract class UeCredentials
{
    private protected UeCredentials() { }
}
