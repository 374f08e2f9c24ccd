import Foundation
import ZIPFoundation

/// ZIP files put together part by part, to imitate what Excel and LibreOffice write (or a broken file).
enum HandMadePackage {
    static func write(_ parts: [(path: String, text: String)], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A one-sheet workbook around a given `sheetData` (and optionally shared strings and styles).
    static func workbook(sheetData: String, sharedStrings: [String] = [], cellXfs: [String] = [],
                         numFmts: String = "", date1904: Bool = false) -> [(path: String, text: String)] {
        let strings = #"<sst xmlns="\#(main)" count="\#(sharedStrings.count)">"# + sharedStrings.joined() + "</sst>"
        let styles = #"<styleSheet xmlns="\#(main)">\#(numFmts)<cellXfs count="\#(cellXfs.count)">\#(cellXfs.joined())</cellXfs></styleSheet>"#
        return [
            ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", strings),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", #"<worksheet xmlns="\#(main)"><sheetData>\#(sheetData)</sheetData></worksheet>"#),
        ]
    }
}
