using ImsLab.Sip.Messages;
using ImsLab.Sip.Registrar;

namespace ImsLab.Tests.Sip.Registrar;

public sealed class ImpuNormalizerTests
{
    [Theory]
    [InlineData("sip:user1_public1@HOME1.net", "sip:user1_public1@home1.net")]
    [InlineData("sip:alice@ims.lab;transport=udp", "sip:alice@ims.lab")]
    [InlineData("sip:alice@ims.lab:5070", "sip:alice@ims.lab:5070")]
    [InlineData("sips:alice@ims.lab", "sips:alice@ims.lab")]
    [InlineData("tel:+15550001;phone-context=ims.lab", "tel:+15550001")]
    public void ImpuLosesParametersAndHostCase(string uri, string expected)
    {
        Assert.Equal(expected, ImpuNormalizer.Normalize(SipUri.Parse(uri)));
    }
}
