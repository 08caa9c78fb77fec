namespace ImsLab.Web.Components;

/// <summary>Dashboard addresses the host and the pages need to know.</summary>
public static class DashboardPaths
{
    /// <summary>The Overview page, where "/" and a login without a return address lead.</summary>
    public const string Home = "/";

    /// <summary>The statically rendered login form.</summary>
    public const string Login = "/login";

    /// <summary>Where a logged-in user lands on a page their role does not allow (cookie AccessDeniedPath).</summary>
    public const string AccessDenied = "/status/403";

    /// <summary>The live registrations table.</summary>
    public const string Registrations = "/registrations";

    /// <summary>Subscriber provisioning.</summary>
    public const string Subscribers = "/subscribers";

    /// <summary>Service profiles and their initial filter criteria.</summary>
    public const string ServiceProfiles = "/service-profiles";

    /// <summary>The event timeline.</summary>
    public const string Events = "/events";

    /// <summary>The AKA calculator.</summary>
    public const string AkaCalculator = "/tools/aka";

    /// <summary>API key management (admin).</summary>
    public const string ApiKeys = "/api-keys";

    /// <summary>The detail page (ladder diagram) of one binding.</summary>
    public static string Registration(Guid bindingId) => $"{Registrations}/{bindingId}";
}
