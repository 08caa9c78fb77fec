namespace ImsLab.Web.Components.Pages.Registrations;

/// <summary>How much a dashboard deregistration removes.</summary>
public enum DeregisterScope
{
    /// <summary>Only the chosen contact of the chosen IMPU.</summary>
    Contact,
    /// <summary>Every registration of the subscriber (IMPI).</summary>
    Subscriber,
}
