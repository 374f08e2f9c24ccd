import Foundation

/// A document as the parts of a WordprocessingML (DOCX) package, written natively: real styles (Title,
/// Heading 1–4, Caption, Nota, a bordered table style), A4 with 2 cm margins, a running header with the Ente
/// and the title, «Pagina X di Y» in the footer, each chapter on a new page, tables whose header rows repeat
/// on every page, figures as their caption and data table. Pure: the ZIP is `DOCXPackage` (TraguardoExchange).
public enum DOCXWriter {
    /// The parts in the order they go into the ZIP (`[Content_Types].xml` first, as Office writes it).
    /// - Parameter createdAt: the `dcterms:created` of the document properties.
    public static func parts(_ document: Document, createdAt: Date) -> [DOCXPart] {
        [
            DOCXPart(path: "[Content_Types].xml", xml: DOCXPackageParts.contentTypes),
            DOCXPart(path: "_rels/.rels", xml: DOCXPackageParts.rootRelationships),
            DOCXPart(path: "word/document.xml", xml: DOCXBody.xml(document)),
            DOCXPart(path: "word/_rels/document.xml.rels", xml: DOCXPackageParts.documentRelationships),
            DOCXPart(path: "word/styles.xml", xml: DOCXStyles.xml),
            DOCXPart(path: "word/settings.xml", xml: DOCXPackageParts.settings),
            DOCXPart(path: "word/header1.xml", xml: DOCXPackageParts.header(document)),
            DOCXPart(path: "word/footer1.xml", xml: DOCXPackageParts.footer),
            DOCXPart(path: "docProps/core.xml", xml: DOCXPackageParts.core(document, createdAt: createdAt)),
            DOCXPart(path: "docProps/app.xml", xml: DOCXPackageParts.app(document)),
        ]
    }
}
