using Microsoft.AspNetCore.Mvc;

namespace ImsLab.Api.Auth;

/// <summary>RFC 9457 bodies for answers produced outside endpoint handlers (challenges, rate limits).</summary>
internal static class ProblemResponses
{
    public static ValueTask WriteAsync(HttpContext context, int status, string title, string detail, string? type = null)
    {
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type },
        });
    }

    public static ValueTask TooManyAttemptsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // ASP.NET Core's status-to-type table stops at 4xx codes of RFC 9110; 429 is RFC 6585's.
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many attempts",
            "Too many credential attempts from this address; wait and try again.", "https://tools.ietf.org/html/rfc6585#section-4");
    }
}
