using System.Globalization;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Subscribers;
using ImsLab.Sip.Transport;

namespace ImsLab.Sip.Registrar;

/// <summary>The REGISTER responses the registrar sends, with the headers each must carry.</summary>
internal static class RegisterResponses
{
    private const string PathOptionTag = "path";

    /// <summary>
    /// The 200 OK of a successful registration (RFC 3261 10.3 step 8, RFC 3327 5.3, RFC 3608 6, TS 24.229 5.4.1.2.2):
    /// every current binding with its remaining expiry, the implicit set in P-Associated-URI (barred IMPUs left
    /// out, the registered one first), Service-Route, Path echoed, Date.
    /// </summary>
    public static SipResponse Ok(
        SipRequest request,
        IReadOnlyList<RegistrationBinding> bindings,
        IReadOnlyList<PublicIdentity> implicitSet,
        string scscfUri,
        DateTimeOffset now)
    {
        var response = Create(request, 200);
        foreach (var binding in bindings)
        {
            var remaining = Math.Max(0, (long)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds));
            response.Headers.Add(SipHeaderNames.Contact, FormatContact(binding, remaining));
        }
        var associated = new List<string>(implicitSet.Count);
        foreach (var identity in implicitSet)
        {
            if (!identity.Barred)
            {
                associated.Add("<" + identity.Uri + ">");
            }
        }
        if (associated.Count > 0)
        {
            response.Headers.Add(SipHeaderNames.PAssociatedUri, string.Join(", ", associated));
        }
        // RFC 3608 6: the registrar adds itself so that originating requests reach this S-CSCF; "orig" tells it
        // (TS 24.229 5.4.1.2.2) that a request arriving through this route is originating.
        response.Headers.Add(SipHeaderNames.ServiceRoute, "<" + scscfUri + ";lr;orig>");
        var path = request.Headers.GetAll(SipHeaderNames.Path).ToList();
        if (path.Count > 0)
        {
            // RFC 3327 5.3: the registrar echoes the stored Path and says it supports it.
            foreach (var value in path)
            {
                response.Headers.Add(SipHeaderNames.Path, value);
            }
            response.Headers.Add(SipHeaderNames.Supported, PathOptionTag);
        }
        response.Headers.Add(SipHeaderNames.Date, now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>403 with a Warning a lab engineer can read (RFC 3261 20.43; TS 24.228 6.9.2 uses 312 for roaming).</summary>
    public static SipResponse Forbidden(SipRequest request, string warningAgent, string text, int warningCode = 399) =>
        WithWarning(Create(request, 403), warningAgent, text, warningCode);

    /// <summary>RFC 3261 10.3 step 7: 423 with the shortest expiry accepted.</summary>
    public static SipResponse IntervalTooBrief(SipRequest request, int minExpires)
    {
        var response = Create(request, 423);
        response.Headers.Add(SipHeaderNames.MinExpires, minExpires.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>An error answer with a reason phrase that names the problem.</summary>
    public static SipResponse Error(SipRequest request, int statusCode, string reasonPhrase) =>
        Create(request, statusCode, reasonPhrase);

    /// <summary>
    /// 401 with one WWW-Authenticate per challenge, in the given order (RFC 3261 22.1, TS 24.229 5.4.1.2.1; RFC 8760
    /// 2.4: the most preferred algorithm first).
    /// </summary>
    public static SipResponse Unauthorized(SipRequest request, IReadOnlyList<string> challenges)
    {
        var response = Create(request, 401);
        foreach (var challenge in challenges)
        {
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge);
        }
        return response;
    }

    private static SipResponse WithWarning(SipResponse response, string warningAgent, string text, int warningCode)
    {
        var quoted = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        response.Headers.Add(SipHeaderNames.Warning,
            $"{warningCode.ToString(CultureInfo.InvariantCulture)} {warningAgent} \"{quoted}\"");
        return response;
    }

    // RFC 3261 10.3 step 8: each Contact carries the expires the registrar granted; the other parameters as received.
    private static string FormatContact(RegistrationBinding binding, long remaining)
    {
        var parameters = StripExpires(binding.ContactParameters);
        return $"<{binding.ContactUri}>{parameters};expires={remaining.ToString(CultureInfo.InvariantCulture)}";
    }

    internal static string StripExpires(string parameters)
    {
        if (!parameters.Contains("expires", StringComparison.OrdinalIgnoreCase)
            || !SipParameters.TryParseHeaderParameters(parameters, out var parsed))
        {
            return parameters;
        }
        parsed.Remove("expires");
        return parsed.ToString();
    }

    // RFC 3261 8.2.6.2: a final response carries a To tag. Added here rather than by the transaction, so that the
    // trace of the exchange is the message that was sent, serialized once for both.
    private static SipResponse Create(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        var response = SipResponse.CreateFor(request, statusCode, reasonPhrase);
        SipToTag.EnsureOnFinal(response);
        return response;
    }
}
