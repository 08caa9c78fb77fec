using System.Text;

namespace ImsLab.Data.Access;

/// <summary>A new API key: <see cref="Key"/> is the only time the clear key exists; it is stored hashed.</summary>
/// <param name="Info">The listed form of the key.</param>
/// <param name="Key">The clear key, to show once to its creator.</param>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Info = ").Append(Info).Append(", Key = ***");
        return true;
    }
}
