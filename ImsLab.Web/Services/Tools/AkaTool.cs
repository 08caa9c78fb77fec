using ImsLab.Sip.Authentication.Aka;

namespace ImsLab.Web.Services.Tools;

/// <summary>
/// The AKA calculator lab tool, used by both POST /api/tools/aka and the dashboard page so they always agree.
/// The inputs are the engineer's own test keys; they are still never logged.
/// </summary>
public sealed class AkaTool
{
    /// <summary>Computes the MILENAGE outputs and, when <see cref="AkaToolRequest.Auts"/> is given, reads the AUTS.</summary>
    public AkaToolOutcome Run(AkaToolRequest request)
    {
        var calculation = AkaCalculator.Calculate(request.K, request.Op, request.Opc, request.Amf, request.Sqn, request.Rand);
        AkaCalculatorResult<AutsCalculation>? auts = null;
        if (!string.IsNullOrWhiteSpace(request.Auts))
        {
            auts = AkaCalculator.ReadAuts(request.K, request.Op, request.Opc, request.Rand, request.Auts);
        }

        if (calculation.Value is not { } value || auts is { Value: null })
        {
            // The AUTS reading repeats the K/OP/RAND errors; only its own field is new.
            var errors = calculation.Errors
                .Concat(auts?.Errors.Where(error => error.Field == "AUTS") ?? [])
                .GroupBy(error => FieldName(error.Field))
                .ToDictionary(group => group.Key, group => group.Select(error => error.Message).Distinct().ToArray());
            return AkaToolOutcome.Invalid(errors);
        }

        var reading = auts?.Value is { } a ? new AutsReading(a.SqnMs, a.SqnMsValue, a.MacSVerified) : null;
        return AkaToolOutcome.Valid(new AkaToolResult(value.Opc, value.MacA, value.MacS, value.Xres, value.Ck, value.Ik,
            value.Ak, value.AkStar, value.Autn, reading));
    }

    // The calculator names fields as the specifications write them (K, OPc, SQN); requests use camelCase JSON names.
    private static string FieldName(string specificationName) => specificationName.ToLowerInvariant();
}
