using ImsLab.Sip.Subscribers;
using ImsLab.Web.Services.Registrations;

namespace ImsLab.Tests.Web.Services.Registrations;

public sealed class EventTypeNamesTests
{
    [Theory]
    [InlineData(RegistrationEventType.Registered, "Registered")]
    [InlineData(RegistrationEventType.RegEventSubscribed, "Reg-event subscribed")]
    [InlineData(RegistrationEventType.NetworkDeregistered, "Network deregistered")]
    [InlineData(RegistrationEventType.AuthenticationFailed, "Authentication failed")]
    [InlineData(RegistrationEventType.ApiKeyCreated, "API key created")]
    public void EventTypesReadAsWords(RegistrationEventType type, string expected) => Assert.Equal(expected, EventTypeNames.Of(type));
}
