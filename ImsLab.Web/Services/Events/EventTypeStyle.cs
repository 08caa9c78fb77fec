using ImsLab.Sip.Subscribers;
using Radzen;

namespace ImsLab.Web.Services.Events;

/// <summary>How an event type reads on the timeline: a badge colour by what it means and a short label.</summary>
internal static class EventTypeStyle
{
    /// <summary>Green for a UE getting service, red for failures and removals by the network, grey for audit.</summary>
    public static BadgeStyle BadgeOf(RegistrationEventType type) => type switch
    {
        RegistrationEventType.Registered or RegistrationEventType.Refreshed or RegistrationEventType.RegEventSubscribed => BadgeStyle.Success,
        RegistrationEventType.Challenged or RegistrationEventType.Resynchronized or RegistrationEventType.ReauthenticationRequested => BadgeStyle.Info,
        RegistrationEventType.AuthenticationFailed or RegistrationEventType.NetworkDeregistered or RegistrationEventType.AccessDenied => BadgeStyle.Danger,
        RegistrationEventType.Deregistered or RegistrationEventType.Expired or RegistrationEventType.RegEventTerminated => BadgeStyle.Warning,
        _ => BadgeStyle.Base,
    };

    /// <summary>True for "who did what" entries written by provisioning and access control.</summary>
    public static bool IsAudit(RegistrationEventType type) => type is RegistrationEventType.SubscriberCreated or RegistrationEventType.SubscriberUpdated
        or RegistrationEventType.SubscriberDeleted or RegistrationEventType.SubscribersImported or RegistrationEventType.SubscribersExported
        or RegistrationEventType.ServiceProfileChanged or RegistrationEventType.UserLoggedIn or RegistrationEventType.AccessDenied
        or RegistrationEventType.UserAccountChanged or RegistrationEventType.ApiKeyCreated or RegistrationEventType.ApiKeyRevoked;

    /// <summary>"NetworkDeregistered" → "network deregistered".</summary>
    public static string LabelOf(RegistrationEventType type)
    {
        var name = type.ToString();
        var label = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) label.Append(' ');
            label.Append(char.ToLowerInvariant(name[i]));
        }
        return label.ToString();
    }
}
