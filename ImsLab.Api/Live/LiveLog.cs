namespace ImsLab.Api.Live;

/// <summary>Log lines of the live hub. Counts and durations only: events name subscribers, and logs are not the place for them.</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "The live hub fell behind: {Dropped} events dropped before sending ({Total} since start)")]
    public static partial void EventsDropped(ILogger logger, long dropped, long total);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
        Message = "Sending a live {Message} message took longer than {Budget}; the connections that could not take it were dropped")]
    public static partial void SendOverBudget(ILogger logger, string message, TimeSpan budget);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Sending a live {Message} message failed")]
    public static partial void SendFailed(ILogger logger, string message, Exception exception);
}
