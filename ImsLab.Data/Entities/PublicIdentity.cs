namespace ImsLab.Data.Entities;

/// <summary>An IMPU (TS 23.003 13.4) of one subscription; linked to one or more of its IMPIs through <see cref="PublicIdentityLink"/>.</summary>
internal sealed class PublicIdentity
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public ImsSubscription Subscription { get; set; } = null!;

    /// <summary>Normalized sip:/sips:/tel: URI; unique across the HSS (an IMPU belongs to one subscription, TS 23.008 3.5).</summary>
    public required string Uri { get; set; }

    public bool Barred { get; set; }
    public bool CanRegister { get; set; } = true;
    public int ImplicitSetId { get; set; }
    public Guid? ServiceProfileId { get; set; }
    public ServiceProfile? ServiceProfile { get; set; }
    public List<PublicIdentityLink> Links { get; set; } = [];
}
