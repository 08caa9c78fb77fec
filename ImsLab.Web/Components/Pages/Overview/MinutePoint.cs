namespace ImsLab.Web.Components.Pages.Overview;

/// <summary>One bar group of the registrations-per-minute chart.</summary>
/// <param name="Minute">The minute (UTC; the chart needs a DateTime to space the axis by time).</param>
/// <param name="Registrations">Successful REGISTERs in that minute.</param>
/// <param name="Failures">Failed authentications in that minute.</param>
public sealed record MinutePoint(DateTime Minute, long Registrations, long Failures);
