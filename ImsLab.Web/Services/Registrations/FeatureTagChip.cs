namespace ImsLab.Web.Services.Registrations;

/// <summary>A Contact feature tag as a person reads it.</summary>
/// <param name="Label">Short name on the chip ("MMTel", "SMSoIP", "Video").</param>
/// <param name="Tag">The tag as registered, shown as the chip's tooltip.</param>
public sealed record FeatureTagChip(string Label, string Tag);
