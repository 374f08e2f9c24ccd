import Foundation
import ZIPFoundation

/// The ZIP container of the Office files Traguardo writes (XLSX, DOCX): each part added from memory, deflated.
/// `modifiedAt` is the parts' date in the ZIP (now by default; a document of a closed period gives its data's
/// date, so that printing it again gives the same bytes).
public enum OfficePackage {
    public static func add(_ data: Data, as path: String, to archive: Archive, modifiedAt: Date = Date()) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modifiedAt, compressionMethod: .deflate
        ) {
            position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }
    }
}
