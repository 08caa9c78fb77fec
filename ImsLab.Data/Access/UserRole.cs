namespace ImsLab.Data.Access;

/// <summary>What a person or API key may do.</summary>
public enum UserRole
{
    /// <summary>Read-only: sees subscribers, registrations and events; cannot change anything or manage keys.</summary>
    Viewer,
    /// <summary>Everything.</summary>
    Admin,
}
