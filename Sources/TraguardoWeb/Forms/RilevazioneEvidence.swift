import Foundation
import TraguardoCore

/// The evidence files posted with the rilevazione form, checked before anything is stored. Pure: the server
/// passes what the multipart body carried and stores `files` (with the measurements, all or nothing) only
/// when neither this nor `RilevazioneForm` found an error.
public struct RilevazioneEvidence: Sendable {
    /// An accepted file: its item, its safe name, its media type (from the name's extension), its bytes.
    public struct File: Sendable, Hashable {
        public var itemID: String
        public var fileName: String
        public var mediaType: String
        public var data: Data
    }

    /// The accepted files, in the order posted.
    public var files: [File]
    /// A file over the limit: the error beside the item's file field.
    public var errors: [RilevazioneError]

    /// The names of the accepted files by item id, as `RilevazioneForm.read` takes them.
    public var names: [String: [String]] { Dictionary(grouping: files, by: \.itemID).mapValues { $0.map(\.fileName) } }

    /// - Parameters:
    ///   - uploads: every file part of the form: field name (`evidenza[ITEM]`), the name the browser sent, its
    ///     bytes. (Not the type the browser declared: the stored type comes from the name's extension.)
    ///   - items: the ids of the office's items; files for other fields are ignored.
    ///   - limit: the largest file accepted, in bytes.
    public static func check(
        _ uploads: [(field: String, fileName: String, data: Data)], items: Set<String>,
        limit: Int = RilevazioneForm.maxEvidenceBytes
    ) -> RilevazioneEvidence {
        typealias F = FormFields.Rilevazione
        var files: [File] = []
        var errors: [RilevazioneError] = []
        for upload in uploads {
            guard let item = F.itemID(in: upload.field, prefix: F.evidencePrefix), items.contains(item) else { continue }
            // The browser sends an empty part when no file was chosen.
            guard !upload.data.isEmpty else { continue }
            let name = EvidenceFile.sanitizedName(upload.fileName)
            guard upload.data.count <= limit else {
                var size = ItalianFormatting.fileSize(upload.data.count)
                // «è di 3 MB: il limite è 3 MB» would say nothing: then the bytes.
                if size == ItalianFormatting.fileSize(limit) { size = "\(ItalianFormatting.number(Decimal(upload.data.count))) byte" }
                errors.append(.init(
                    itemID: item, field: .evidence,
                    message: "Il file «\(name)» è di \(size): il limite è "
                        + "\(ItalianFormatting.fileSize(limit)) per file. Scegli un file più piccolo (per esempio un PDF compresso)."))
                continue
            }
            files.append(File(itemID: item, fileName: name, mediaType: EvidenceFile.mediaType(forFileName: name), data: upload.data))
        }
        return RilevazioneEvidence(files: files, errors: errors)
    }
}
