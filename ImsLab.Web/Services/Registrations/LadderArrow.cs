using ImsLab.Sip.Subscribers;

namespace ImsLab.Web.Services.Registrations;

/// <summary>One arrow of a ladder diagram: a SIP message between the UE and ImsLab.</summary>
/// <param name="Number">1-based position, as the TS 24.228 figures number their steps.</param>
/// <param name="TowardsNetwork">True for UE to ImsLab (received), false for ImsLab to UE (sent).</param>
/// <param name="Label">"REGISTER", "401 Unauthorized", ...</param>
/// <param name="At">When ImsLab received or sent it.</param>
/// <param name="Remote">The UE's side of the flow, "192.0.2.1:5060/UDP".</param>
/// <param name="Message">The full message text.</param>
/// <param name="EventType">The registration event the message belongs to.</param>
public sealed record LadderArrow(int Number, bool TowardsNetwork, string Label, DateTimeOffset At, string Remote, string Message,
    RegistrationEventType EventType)
{
    /// <summary>Whether the message is a response (a status line), drawn dashed like the seeds' figures.</summary>
    public bool IsResponse => char.IsAsciiDigit(Label.Length > 0 ? Label[0] : ' ');
}
