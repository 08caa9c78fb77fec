namespace ImsLab.Api.Live;

/// <summary>Log lines of the live hub. Counts only: events name subscribers, and logs are not the place for them.</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "The live hub fell behind the registration events: {Dropped} dropped since the last warning ({Total} since start)")]
    public static partial void EventsDropped(ILogger logger, long dropped, long total);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "A batch of {Count} live registration events could not be sent")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);
}
