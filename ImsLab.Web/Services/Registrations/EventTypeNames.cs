using System.Text;
using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Registrations;

/// <summary>Event types as words: "Reg-event subscribed" rather than "RegEventSubscribed".</summary>
public static class EventTypeNames
{
    /// <summary>The readable name of <paramref name="type"/>.</summary>
    public static string Of(RegistrationEventType type)
    {
        var name = type.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }
        // RFC 3680 names the package "reg"; people say reg-event.
        return words.ToString().Replace("Reg event", "Reg-event", StringComparison.Ordinal).Replace("Api key", "API key", StringComparison.Ordinal);
    }
}
