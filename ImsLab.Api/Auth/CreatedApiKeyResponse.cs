using System.Text;

namespace ImsLab.Api.Auth;

/// <summary>The answer to POST /api/keys: the only response that ever carries the clear key.</summary>
internal sealed record CreatedApiKeyResponse(ApiKeyResponse Info, string Key)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Info = ").Append(Info).Append(", Key = ***");
        return true;
    }
}
