using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Tests.Api.Tools;

public sealed class ToolsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // 3GPP TS 35.208 4.3, test set 1.
    private const string K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private const string Op = "cdc202d5123e20f62b6d676ac72cb318";
    private const string Rand = "23553cbe9637a89d218ae64dae47bf35";

    private async Task<HttpResponseMessage> PostAsync(object body)
    {
        using var client = await ApiClients.AdminAsync(factory);
        return await client.PostAsJsonAsync("/api/tools/aka", body);
    }

    [Fact]
    public async Task AkaCalculatorAnswersTs35208TestSet1()
    {
        var response = await PostAsync(new { k = K, op = Op, amf = "b9b9", sqn = "ff9bb4d0b607", rand = Rand });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cd63cb71954a9f4e48a5994e37a02baf", result.GetProperty("opc").GetString());
        Assert.Equal("4a9ffac354dfafb3", result.GetProperty("macA").GetString());
        Assert.Equal("01cfaf9ec4e871e9", result.GetProperty("macS").GetString());
        Assert.Equal("a54211d5e3ba50bf", result.GetProperty("xres").GetString());
        Assert.Equal("b40ba9a3c58b2a05bbf0d987b21bf8cb", result.GetProperty("ck").GetString());
        Assert.Equal("f769bcd751044604127672711c6d3441", result.GetProperty("ik").GetString());
        Assert.Equal("aa689c648370", result.GetProperty("ak").GetString());
        Assert.Equal("451e8beca43b", result.GetProperty("akStar").GetString());
        // AUTN = (SQN xor AK) || AMF || MAC-A, TS 33.102 6.3.2.
        Assert.Equal("55f328b43577" + "b9b9" + "4a9ffac354dfafb3", result.GetProperty("autn").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("auts").ValueKind);
    }

    [Fact]
    public async Task GivenOpcInsteadOfOpTheOutputsAreTheSame()
    {
        var response = await PostAsync(new { k = K, opc = "cd63cb71954a9f4e48a5994e37a02baf", amf = "b9b9", sqn = "ff9bb4d0b607", rand = Rand });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("a54211d5e3ba50bf", result.GetProperty("xres").GetString());
    }

    [Fact]
    public async Task AutsFromTheUeGivesBackItsSequenceNumberAndAVerifiedMacS()
    {
        // TS 33.102 6.3.3: AUTS = (SQN_MS xor AK*) || MAC-S, MAC-S = f1*(SQN_MS, RAND, AMF 0000).
        var sqnMs = Convert.FromHexString("000000001234");
        using var milenage = Milenage.FromOp(Convert.FromHexString(K), Convert.FromHexString(Op));
        var rand = Convert.FromHexString(Rand);
        var akStar = new byte[6];
        var macS = new byte[8];
        milenage.F5Star(rand, akStar);
        milenage.F1Star(rand, sqnMs, new byte[2], macS);
        var auts = Convert.ToHexStringLower([.. sqnMs.Select((b, i) => (byte)(b ^ akStar[i])), .. macS]);

        var good = await (await PostAsync(new { k = K, op = Op, amf = "8000", sqn = "000000000020", rand = Rand, auts }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var tampered = await (await PostAsync(new { k = K, op = Op, amf = "8000", sqn = "000000000020", rand = Rand, auts = auts[..^2] + "00" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("000000001234", good.GetProperty("auts").GetProperty("sqnMs").GetString());
        Assert.Equal(0x1234, good.GetProperty("auts").GetProperty("sqnMsValue").GetInt64());
        Assert.True(good.GetProperty("auts").GetProperty("macSValid").GetBoolean());
        Assert.False(tampered.GetProperty("auts").GetProperty("macSValid").GetBoolean());
    }

    [Theory]
    [InlineData("465b5ce8", null, "b9b9", "ff9bb4d0b607", "k")]
    [InlineData("465b5ce8b199b49faa5f0a2ee238a6bz", null, "b9b9", "ff9bb4d0b607", "k")]
    [InlineData(K, null, "b9", "ff9bb4d0b607", "amf")]
    [InlineData(K, null, "b9b9", "", "sqn")]
    [InlineData(K, "cd63cb71954a9f4e48a5994e37a02baf", "b9b9", "ff9bb4d0b607", "op")]
    public async Task BadInputIs400ProblemDetailsNamingTheField(string k, string? opc, string amf, string sqn, string field)
    {
        var response = await PostAsync(new { k, op = Op, opc, amf, sqn, rand = Rand });

        var errors = await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task BadAutsIs400NamingAuts()
    {
        var response = await PostAsync(new { k = K, op = Op, amf = "b9b9", sqn = "ff9bb4d0b607", rand = Rand, auts = "1234" });

        await ProblemAssert.NamesFieldAsync(response, "auts");
    }

    [Fact]
    public async Task MalformedJsonIs400ProblemDetails()
    {
        using var client = await ApiClients.AdminAsync(factory);

        var response = await client.PostAsync("/api/tools/aka", new StringContent("{\"k\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
