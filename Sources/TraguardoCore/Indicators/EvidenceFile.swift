import Foundation

/// A document stored as evidence of a measurement (*documento a supporto*): what the rilevazione form
/// uploaded for an item in a period, by whom and when. Only the description: the bytes stay in the store
/// and are read one file at a time, when someone downloads it.
public struct EvidenceFile: Hashable, Sendable, Codable, Identifiable {
    /// The store's number for the file, shown as «allegato n. 12».
    public var id: Int64
    public var itemID: String
    /// The period code (`ANNO`, `T2`).
    public var periodCode: String
    /// The name as the office's computer called it, without any folder (see ``sanitizedName(_:)``).
    public var fileName: String
    /// `application/pdf`: from the name's extension (``mediaType(forFileName:)``), never as the browser declared it.
    public var mediaType: String
    public var sizeBytes: Int
    /// SHA-256 of the content, in lowercase hex: says whether two downloads are the same document.
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(
        id: Int64, itemID: String, periodCode: String, fileName: String, mediaType: String, sizeBytes: Int, sha256: String,
        uploadedBy: String, uploadedAt: Date
    ) {
        self.id = id
        self.itemID = itemID
        self.periodCode = periodCode
        self.fileName = fileName
        self.mediaType = mediaType
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// How a measurement's `evidence` names the file: «verbale.pdf (allegato n. 12)». The documents print it.
    public var evidenceLabel: String { Self.label(fileName: fileName, id: id) }

    public static func label(fileName: String, id: Int64) -> String { "\(fileName) (allegato n. \(id))" }

    /// The longest name kept, in characters.
    public static let maxNameLength = 200

    /// The name a browser sent, made safe to store and to send back: only its last path component
    /// (`C:\Documenti\a.pdf` and `../../a.pdf` give `a.pdf`), without control characters, at most
    /// ``maxNameLength`` characters (the extension kept), «documento» when nothing is left.
    public static func sanitizedName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(String.UnicodeScalarView(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespaces)
        if name == "." || name == ".." { name = "" }
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { return "documento" }
        guard name.count > maxNameLength else { return name }
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { String(name[$0...]) } ?? ""
        guard !ext.isEmpty, ext.count <= 20 else { return String(name.prefix(maxNameLength)) }
        return String(name.prefix(maxNameLength - ext.count)) + ext
    }

    /// The media type stored and sent back for a file, from its name's extension; a name outside the list
    /// is `application/octet-stream`. The type the browser declared is never used (it could be `text/html`
    /// for any file).
    public static func mediaType(forFileName name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return mediaTypes[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// The documents an office attaches as evidence: PDF (also signed, `.p7m`), office files, images, text.
    public static let mediaTypes: [String: String] = [
        "pdf": "application/pdf", "p7m": "application/pkcs7-mime",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation", "rtf": "application/rtf",
        "csv": "text/csv", "txt": "text/plain", "zip": "application/zip", "eml": "message/rfc822",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "tif": "image/tiff", "tiff": "image/tiff",
    ]
}
