using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImsLab.Tests.Api;

/// <summary>What every refused input must get: a 400 with RFC 9457 problem details whose errors name the field.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts the answer and returns its errors object for anything more the test wants to check.</summary>
    public static async Task<JsonElement> NamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}' in {errors}");
        return errors;
    }
}
