namespace ImsLab.Api.Live;

/// <summary>Names of the server-to-client messages of <see cref="RegistrationsHub"/>.</summary>
internal static class LiveMessages
{
    /// <summary>An array of EventResponse: the events of one batch interval, oldest first.</summary>
    public const string Events = "events";

    /// <summary>A RegistrationCounters snapshot, every second and once on subscribing.</summary>
    public const string Counters = "counters";
}
