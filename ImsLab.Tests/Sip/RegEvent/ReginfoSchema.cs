using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ImsLab.Tests.Sip.RegEvent;

/// <summary>
/// The reginfo XML schema of RFC 3680 section 5.4, typed in from the RFC, so documents can be validated in tests.
/// Only change: display-name's optional xml:lang attribute is left out (it needs the W3C xml namespace schema, which
/// is not available offline); the writer never emits it.
/// </summary>
internal static class ReginfoSchema
{
    private const string Xsd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema targetNamespace="urn:ietf:params:xml:ns:reginfo"
            xmlns:tns="urn:ietf:params:xml:ns:reginfo"
            xmlns:xs="http://www.w3.org/2001/XMLSchema"
            elementFormDefault="qualified" attributeFormDefault="unqualified">
          <xs:element name="reginfo">
            <xs:complexType>
              <xs:sequence>
                <xs:element ref="tns:registration" minOccurs="0" maxOccurs="unbounded"/>
                <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="version" type="xs:nonNegativeInteger" use="required"/>
              <xs:attribute name="state" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="full"/>
                    <xs:enumeration value="partial"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:complexType>
          </xs:element>
          <xs:element name="registration">
            <xs:complexType>
              <xs:sequence>
                <xs:element ref="tns:contact" minOccurs="0" maxOccurs="unbounded"/>
                <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="aor" type="xs:anyURI" use="required"/>
              <xs:attribute name="id" type="xs:string" use="required"/>
              <xs:attribute name="state" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="init"/>
                    <xs:enumeration value="active"/>
                    <xs:enumeration value="terminated"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:complexType>
          </xs:element>
          <xs:element name="contact">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="uri" type="xs:anyURI"/>
                <xs:element name="display-name" minOccurs="0" type="xs:string"/>
                <xs:element name="unknown-param" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="xs:string">
                        <xs:attribute name="name" type="xs:string" use="required"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
                <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="state" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="active"/>
                    <xs:enumeration value="terminated"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="event" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="registered"/>
                    <xs:enumeration value="created"/>
                    <xs:enumeration value="refreshed"/>
                    <xs:enumeration value="shortened"/>
                    <xs:enumeration value="expired"/>
                    <xs:enumeration value="deactivated"/>
                    <xs:enumeration value="probation"/>
                    <xs:enumeration value="unregistered"/>
                    <xs:enumeration value="rejected"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="duration-registered" type="xs:unsignedLong"/>
              <xs:attribute name="expires" type="xs:unsignedLong"/>
              <xs:attribute name="retry-after" type="xs:unsignedLong"/>
              <xs:attribute name="id" type="xs:string" use="required"/>
              <xs:attribute name="q" type="xs:string"/>
              <xs:attribute name="callid" type="xs:string"/>
              <xs:attribute name="cseq" type="xs:unsignedLong"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    private static readonly XmlSchemaSet Schemas = Load();

    public static readonly XNamespace Ns = "urn:ietf:params:xml:ns:reginfo";

    /// <summary>Parses the bytes and validates them against the schema; throws with the first violation.</summary>
    public static XDocument Validate(ReadOnlySpan<byte> utf8)
    {
        var document = XDocument.Load(new MemoryStream(utf8.ToArray()));
        document.Validate(Schemas, (_, e) => throw new XmlSchemaValidationException(e.Message));
        return document;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(XmlReader.Create(new StringReader(Xsd.Trim())), null)!);
        set.Compile();
        return set;
    }
}
