using System.Text.Json;
using ImsLab.Data.Provisioning;
using Microsoft.AspNetCore.Diagnostics;

namespace ImsLab.Api.Operations.Problems;

/// <summary>
/// Answers a request the API could not read (malformed JSON, a value of the wrong type, a parameter that does not
/// bind, a body over the limit) with problem details that say where it went wrong, so that whoever wrote the CI script
/// can fix the request. The client's mistake is logged at Debug, not as a server error. A JSON problem is located by
/// <see cref="JsonErrorLocation"/>, never by System.Text.Json's message text.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = Describe(badRequest);
        LogUnreadableRequest(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, detail);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = detail },
        });
    }

    internal static string Describe(BadHttpRequestException badRequest)
    {
        if (badRequest.InnerException is JsonException json)
        {
            return $"The body is not the JSON this endpoint reads: a value of the wrong type or malformed JSON{JsonErrorLocation.Describe(json)}.";
        }

        // Kestrel's and parameter binding's own messages name the parameter and its text ("int page" from "abc"):
        // query strings and route values are not where a secret travels.
        return badRequest.Message;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}: {Detail}")]
    private static partial void LogUnreadableRequest(ILogger logger, string method, PathString path, int status, string detail);
}
