namespace ImsLab.Data.Entities;

/// <summary>TS 29.228 B.2.2 SPT: which part of the request a service point trigger tests.</summary>
public enum ServicePointTriggerKind
{
    /// <summary>RequestURI: Value is the URI to match.</summary>
    RequestUri,
    /// <summary>Method: Value is the SIP method.</summary>
    Method,
    /// <summary>SIPHeader: Value is the header name, Content the regular expression of its content (optional).</summary>
    Header,
    /// <summary>SessionCase: Value is a <see cref="SessionCase"/> name.</summary>
    SessionCase,
    /// <summary>SessionDescription: Value is the SDP line type ("m"), Content the regular expression of its content.</summary>
    SessionDescription,
}
