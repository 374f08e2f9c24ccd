import Foundation

/// The parts of a DOCX package around the body: content types, relationships, settings, the running header
/// and footer, and the document properties (title, creator, date of creation).
enum DOCXPackageParts {
    /// A4 in twips (210 × 297 mm) and margins of 2 cm.
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let margin = 1134

    static let headerRelationship = "rId3"
    static let footerRelationship = "rId4"

    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    static let contentTypes = WordXML.declaration
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="\#(wordprocessing).document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="\#(wordprocessing).styles+xml"/>"#
        + #"<Override PartName="/word/settings.xml" ContentType="\#(wordprocessing).settings+xml"/>"#
        + #"<Override PartName="/word/header1.xml" ContentType="\#(wordprocessing).header+xml"/>"#
        + #"<Override PartName="/word/footer1.xml" ContentType="\#(wordprocessing).footer+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        + "</Types>"

    static let rootRelationships = WordXML.declaration
        + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(packageRelationships)/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(officeRelationships)/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let documentRelationships = WordXML.declaration
        + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(officeRelationships)/styles" Target="styles.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(officeRelationships)/settings" Target="settings.xml"/>"#
        + #"<Relationship Id="\#(headerRelationship)" Type="\#(officeRelationships)/header" Target="header1.xml"/>"#
        + #"<Relationship Id="\#(footerRelationship)" Type="\#(officeRelationships)/footer" Target="footer1.xml"/>"#
        + "</Relationships>"

    /// Italian as the proofing language, the comma as decimal symbol, Word 2013+ layout.
    static let settings = WordXML.declaration
        + #"<w:settings xmlns:w="\#(WordXML.main)">"#
        + #"<w:zoom w:percent="100"/><w:updateFields w:val="true"/><w:defaultTabStop w:val="708"/>"#
        + #"<w:hyphenationZone w:val="283"/><w:characterSpacingControl w:val="doNotCompress"/>"#
        + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="it-IT"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#
        + "</w:settings>"

    /// `Camera di Commercio di Lucca – Relazione sulla performance 2013`, centred on every page.
    static func header(_ document: Document) -> String {
        WordXML.declaration + "<w:hdr \(WordXML.namespaces)>"
            + WordXML.paragraph(style: DOCXStyles.ID.header, runs: WordXML.run("\(document.entityName) – \(document.title)"))
            + "</w:hdr>"
    }

    /// `Pagina 3 di 12`, with the `PAGE` and `NUMPAGES` fields Word fills in.
    static var footer: String {
        WordXML.declaration + "<w:ftr \(WordXML.namespaces)>"
            + WordXML.paragraph(
                style: DOCXStyles.ID.footer,
                runs: WordXML.run("Pagina ") + WordXML.field("PAGE") + WordXML.run(" di ") + WordXML.field("NUMPAGES"))
            + "</w:ftr>"
    }

    static func core(_ document: Document, createdAt: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let created = formatter.string(from: createdAt)
        var out = WordXML.declaration
        out += #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
        out += #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#
        out += #" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        out += "<dc:title>\(WordXML.escaped(document.title))</dc:title>"
        if let subtitle = document.subtitle { out += "<dc:subject>\(WordXML.escaped(subtitle))</dc:subject>" }
        out += "<dc:creator>Traguardo</dc:creator>"
        out += "<cp:keywords>\(WordXML.escaped("\(document.entityName); \(document.year)"))</cp:keywords>"
        out += "<dc:description>\(WordXML.escaped(document.publishedFrom))</dc:description>"
        out += "<cp:lastModifiedBy>Traguardo</cp:lastModifiedBy>"
        out += "<dc:language>it-IT</dc:language>"
        out += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(created)</dcterms:created>"#
        out += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(created)</dcterms:modified>"#
        return out + "</cp:coreProperties>"
    }

    static func app(_ document: Document) -> String {
        WordXML.declaration
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties""#
            + #" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>Traguardo</Application><DocSecurity>0</DocSecurity>"
            + "<Company>\(WordXML.escaped(document.entityName))</Company>"
            + "</Properties>"
    }
}
