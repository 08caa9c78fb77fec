using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class FeatureTagChipsTests
{
    [Fact]
    public void TheUeSimulatorsTagsReadAsMmtelSmsoipAndVideo()
    {
        var chips = FeatureTagChips.Describe(["+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", "+g.3gpp.smsip", "video"]);

        Assert.Equal(["MMTel", "SMSoIP", "Video"], chips.Select(c => c.Label));
        Assert.Equal("+g.3gpp.smsip", chips[1].Tag);
    }

    [Fact]
    public void AnIcsiListGivesOneChipPerService()
    {
        var chips = FeatureTagChips.Describe(["+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel,urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session\""]);

        Assert.Equal(["MMTel", "RCS messaging"], chips.Select(c => c.Label));
    }

    [Fact]
    public void AnUnknownTagKeepsItsNameWithoutThePlus()
    {
        var chip = Assert.Single(FeatureTagChips.Describe(["+g.example.feature=\"x\""]));

        Assert.Equal("g.example.feature", chip.Label);
    }

    [Fact]
    public void NoTagsGiveNoChips() => Assert.Empty(FeatureTagChips.Describe([]));
}
