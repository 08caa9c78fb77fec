namespace ImsLab.Sip.Ue;

/// <summary>The reginfo <c>state</c> attribute (RFC 3680 5.3): a full document or a partial update.</summary>
public enum ReginfoDocumentState
{
    /// <summary>The document lists every registration of the watched resource.</summary>
    Full,

    /// <summary>The document lists only what changed since the previous version.</summary>
    Partial,
}
