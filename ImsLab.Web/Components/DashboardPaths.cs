namespace ImsLab.Web.Components;

/// <summary>Dashboard addresses the host needs to know.</summary>
public static class DashboardPaths
{
    /// <summary>
    /// Where "/" and a login without a return address lead. The AKA calculator is the only page so far; the
    /// Overview page takes "/" itself when it is added, and this then becomes "/".
    /// </summary>
    public const string Home = "/tools/aka";

    /// <summary>The statically rendered login form.</summary>
    public const string Login = "/login";
}
