import Foundation
import ZIPFoundation

/// The ZIP container of the Office files Traguardo writes (XLSX, DOCX): each part added from memory, deflated.
enum OfficePackage {
    static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }
    }
}
