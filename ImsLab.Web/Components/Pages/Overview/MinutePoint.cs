namespace ImsLab.Web.Components.Pages.Overview;

/// <summary>One bar group of the registrations-per-minute chart.</summary>
/// <param name="Minute">"14:05" (UTC).</param>
/// <param name="Registrations">Successful REGISTERs in that minute.</param>
/// <param name="Failures">Failed authentications in that minute.</param>
public sealed record MinutePoint(string Minute, long Registrations, long Failures);
