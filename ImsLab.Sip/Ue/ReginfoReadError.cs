namespace ImsLab.Sip.Ue;

/// <summary>Why a reginfo document could not be read.</summary>
public enum ReginfoReadError
{
    /// <summary>The document was read.</summary>
    None,

    /// <summary>The body was empty.</summary>
    EmptyDocument,

    /// <summary>The body is not well-formed XML (or uses a DTD, which is refused).</summary>
    MalformedXml,

    /// <summary>The root element is not reginfo in the urn:ietf:params:xml:ns:reginfo namespace.</summary>
    UnexpectedRootElement,

    /// <summary>A required attribute or element is absent.</summary>
    MissingRequiredValue,

    /// <summary>An attribute has a value outside its schema type.</summary>
    InvalidValue,
}
