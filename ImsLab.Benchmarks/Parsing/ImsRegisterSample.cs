using System.Text;

namespace ImsLab.Benchmarks.Parsing;

/// <summary>A REGISTER as an IMS UE sends it after the 401 (TS 24.229 5.1.1.5): AKA digest, sec-agree, feature tags.</summary>
internal static class ImsRegisterSample
{
    public static readonly byte[] Bytes = Encoding.ASCII.GetBytes(
        "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.45.0.2:5060;branch=z9hG4bK3391658042;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:001010123456789@ims.mnc001.mcc001.3gppnetwork.org>;tag=1629317434\r\n" +
        "To: <sip:001010123456789@ims.mnc001.mcc001.3gppnetwork.org>\r\n" +
        "Call-ID: 3917261844_2363003488@10.45.0.2\r\n" +
        "CSeq: 2 REGISTER\r\n" +
        "Contact: <sip:001010123456789@10.45.0.2:5060>;expires=600000;+sip.instance=\"<urn:gsma:imei:35209900-176148-1>\";" +
        "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;audio;video\r\n" +
        "Authorization: Digest username=\"001010123456789@ims.mnc001.mcc001.3gppnetwork.org\",realm=\"ims.mnc001.mcc001.3gppnetwork.org\"," +
        "nonce=\"MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA==\",uri=\"sip:ims.mnc001.mcc001.3gppnetwork.org\"," +
        "response=\"6629fae49393a05397450978507c4ef1\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"0a4f113b\"\r\n" +
        "Supported: path, gruu, sec-agree\r\n" +
        "Require: sec-agree\r\n" +
        "Proxy-Require: sec-agree\r\n" +
        "Security-Verify: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=3929102;spi-s=3929103;port-c=5062;port-s=5064\r\n" +
        "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, UPDATE, PRACK, MESSAGE, REFER, NOTIFY, INFO, OPTIONS\r\n" +
        "User-Agent: ImsLab UE 1.0\r\n" +
        "Expires: 600000\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");
}
