namespace ImsLab.Data.Provisioning;

/// <summary>Bulk import/export formats.</summary>
public enum SubscriberFileFormat
{
    /// <summary>A JSON array of <see cref="SubscriberInput"/> objects.</summary>
    Json,
    /// <summary>CSV with the header line <see cref="SubscriberCsv.Header"/>.</summary>
    Csv,
}
