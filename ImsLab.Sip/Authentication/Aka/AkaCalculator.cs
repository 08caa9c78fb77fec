using System.Globalization;

namespace ImsLab.Sip.Authentication.Aka;

/// <summary>
/// Lab tool for debugging SIM cards: computes every MILENAGE output from hex inputs, and reads an AUTS. Inputs are
/// validated field by field; errors come back in the result, never as exceptions.
/// </summary>
public static class AkaCalculator
{
    /// <summary>
    /// Computes OPc, MAC-A, MAC-S, XRES, CK, IK, AK, AK* and AUTN. Give exactly one of <paramref name="op"/> and
    /// <paramref name="opc"/>.
    /// </summary>
    public static AkaCalculatorResult<AkaCalculation> Calculate(string? k, string? op, string? opc, string? amf, string? sqn, string? rand)
    {
        var errors = new List<AkaCalculatorInputError>();
        var kBytes = ParseHex("K", k, AkaLength.K, errors);
        var opcBytes = ParseOperatorKey(kBytes, op, opc, errors);
        var amfBytes = ParseHex("AMF", amf, AkaLength.Amf, errors);
        var sqnBytes = ParseHex("SQN", sqn, AkaLength.Sqn, errors);
        var randBytes = ParseHex("RAND", rand, AkaLength.Rand, errors);
        if (errors.Count > 0 || kBytes is null || opcBytes is null || amfBytes is null || sqnBytes is null || randBytes is null)
            return AkaCalculatorResult<AkaCalculation>.Invalid(errors);

        using var milenage = new Milenage(kBytes, opcBytes);
        var macA = new byte[AkaLength.Mac];
        var macS = new byte[AkaLength.Mac];
        var xres = new byte[AkaLength.Res];
        var ck = new byte[AkaLength.Ck];
        var ik = new byte[AkaLength.Ik];
        var ak = new byte[AkaLength.Ak];
        var akStar = new byte[AkaLength.Ak];
        milenage.F1(randBytes, sqnBytes, amfBytes, macA);
        milenage.F1Star(randBytes, sqnBytes, amfBytes, macS);
        milenage.F2345(randBytes, xres, ck, ik, ak);
        milenage.F5Star(randBytes, akStar);
        var autn = new byte[AkaLength.Autn];
        for (int i = 0; i < AkaLength.Sqn; i++) autn[i] = (byte)(sqnBytes[i] ^ ak[i]);
        amfBytes.CopyTo(autn, AkaLength.Sqn);
        macA.CopyTo(autn, AkaLength.Sqn + AkaLength.Amf);
        return AkaCalculatorResult<AkaCalculation>.Ok(new AkaCalculation(Hex(opcBytes), Hex(macA), Hex(macS), Hex(xres),
            Hex(ck), Hex(ik), Hex(ak), Hex(akStar), Hex(autn)));
    }

    /// <summary>Recovers SQN_MS from AUTS and checks MAC-S (f1* with AMF 0000, TS 33.102 6.3.3).</summary>
    public static AkaCalculatorResult<AutsCalculation> ReadAuts(string? k, string? op, string? opc, string? rand, string? auts)
    {
        var errors = new List<AkaCalculatorInputError>();
        var kBytes = ParseHex("K", k, AkaLength.K, errors);
        var opcBytes = ParseOperatorKey(kBytes, op, opc, errors);
        var randBytes = ParseHex("RAND", rand, AkaLength.Rand, errors);
        var autsBytes = ParseHex("AUTS", auts, AkaLength.Auts, errors);
        if (errors.Count > 0 || kBytes is null || opcBytes is null || randBytes is null || autsBytes is null)
            return AkaCalculatorResult<AutsCalculation>.Invalid(errors);

        using var milenage = new Milenage(kBytes, opcBytes);
        var akStar = new byte[AkaLength.Ak];
        milenage.F5Star(randBytes, akStar);
        var sqnMs = new byte[AkaLength.Sqn];
        for (int i = 0; i < AkaLength.Sqn; i++) sqnMs[i] = (byte)(autsBytes[i] ^ akStar[i]);
        var verification = AkaResynchronization.Verify(milenage, randBytes, autsBytes);
        return AkaCalculatorResult<AutsCalculation>.Ok(
            new AutsCalculation(Hex(sqnMs), SequenceNumber.Read(sqnMs), Hex(akStar), verification.MacVerified));
    }

    private static byte[]? ParseOperatorKey(byte[]? k, string? op, string? opc, List<AkaCalculatorInputError> errors)
    {
        bool hasOp = !string.IsNullOrWhiteSpace(op), hasOpc = !string.IsNullOrWhiteSpace(opc);
        if (hasOp == hasOpc)
        {
            errors.Add(new AkaCalculatorInputError(hasOp ? "OP" : "OPc", "Give exactly one of OP and OPc."));
            return null;
        }
        if (hasOpc) return ParseHex("OPc", opc, AkaLength.Opc, errors);
        var opBytes = ParseHex("OP", op, AkaLength.Op, errors);
        return k is null || opBytes is null ? null : Milenage.ComputeOpc(k, opBytes);
    }

    private static byte[]? ParseHex(string field, string? text, int octets, List<AkaCalculatorInputError> errors)
    {
        var span = (text ?? "").AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) span = span[2..];
        if (span.IsEmpty)
        {
            errors.Add(new AkaCalculatorInputError(field, $"{field} is required ({octets * 2} hexadecimal digits)."));
            return null;
        }
        if (span.Length != octets * 2)
        {
            errors.Add(new AkaCalculatorInputError(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must be {octets * 2} hexadecimal digits ({octets} octets), not {span.Length}.")));
            return null;
        }
        foreach (char c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                errors.Add(new AkaCalculatorInputError(field, $"{field} may contain only hexadecimal digits 0-9 and a-f."));
                return null;
            }
        }
        return Convert.FromHexString(span);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
