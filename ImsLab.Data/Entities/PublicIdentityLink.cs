namespace ImsLab.Data.Entities;

/// <summary>TS 23.228 4.3.3.4: an IMPU may be shared by several IMPIs of the same subscription.</summary>
internal sealed class PublicIdentityLink
{
    public Guid PrivateIdentityId { get; set; }
    public PrivateIdentity PrivateIdentity { get; set; } = null!;
    public Guid PublicIdentityId { get; set; }
    public PublicIdentity PublicIdentity { get; set; } = null!;
}
