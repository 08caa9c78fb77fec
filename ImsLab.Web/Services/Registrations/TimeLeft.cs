using System.Globalization;

namespace ImsLab.Web.Services.Registrations;

/// <summary>How long until a binding expires, as the countdown column shows it.</summary>
public static class TimeLeft
{
    /// <summary>"expired", "45 s", "9:05", "1:02:03" or "3 d 4 h".</summary>
    public static string Format(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = expiresAt - now;
        if (left <= TimeSpan.Zero)
        {
            return "expired";
        }
        // Whole seconds, rounded up: a binding with 0.4 s left has not expired yet.
        var seconds = (long)Math.Ceiling(left.TotalSeconds);
        var span = TimeSpan.FromSeconds(seconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}"),
            < 86_400 => string.Create(CultureInfo.InvariantCulture, $"{span.Hours}:{span.Minutes:00}:{span.Seconds:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{span.Days} d {span.Hours} h"),
        };
    }

    /// <summary>Under a minute left: the dashboard colours the countdown as a warning.</summary>
    public static bool IsShort(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now < TimeSpan.FromMinutes(1);
}
