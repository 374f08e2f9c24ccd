import Foundation
import ZIPFoundation

/// Reads workbooks written by Excel, LibreOffice, openpyxl and the like. Opening reads the small parts
/// (workbook, relationships, styles, shared strings); a sheet is streamed row by row, decompressed in
/// chunks and tokenized as it arrives, so its size does not matter.
public struct XLSXReader {
    public let url: URL
    /// The worksheets in tab order (chart sheets and other kinds of sheet are left out).
    public private(set) var sheetNames: [String]

    private let archive: Archive
    private let fileName: String
    private let sheetPaths: [String]
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool

    private static let chunkSize = 64 * 1024
    /// What the parts may take decompressed (each part read whole; all parts of the import).
    private let budget: InflationBudget

    public init(url: URL, budget: InflationBudget = InflationBudget()) throws(SpreadsheetError) {
        self.url = url
        self.budget = budget
        let fileName = url.lastPathComponent
        self.fileName = fileName
        let archive = try Self.openArchive(url, fileName: fileName)
        self.archive = archive

        let rootRelationships = try Self.parsePart(RelationshipsPart(), "_rels/.rels", in: archive, fileName: fileName, optional: true, budget: budget)
        var workbookPath = rootRelationships?.first(ofKind: "officeDocument").map { PartPath.resolve($0.target, from: "") }
            ?? "xl/workbook.xml"
        if Self.entry(workbookPath, in: archive) == nil { workbookPath = "xl/workbook.xml" }
        guard let workbook = try Self.parsePart(WorkbookPart(), workbookPath, in: archive, fileName: fileName, optional: true, budget: budget) else {
            throw SpreadsheetError(file: fileName, message: "non è un file XLSX (manca la parte xl/workbook.xml)")
        }
        let relationships = try Self.parsePart(
            RelationshipsPart(), RelationshipsPart.path(for: workbookPath), in: archive, fileName: fileName, optional: true, budget: budget)
            ?? RelationshipsPart()

        var names: [String] = []
        var paths: [String] = []
        for sheet in workbook.sheets {
            guard let relationship = relationships.relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw SpreadsheetError(
                    file: fileName, message: "il foglio \"\(sheet.name)\" rimanda a «\(sheet.relationshipID)», che non esiste in workbook.xml.rels")
            }
            guard relationship.type.hasSuffix("/worksheet") else { continue }
            names.append(sheet.name)
            paths.append(PartPath.resolve(relationship.target, from: workbookPath))
        }
        sheetNames = names
        sheetPaths = paths
        date1904 = workbook.date1904

        let stylesPath = relationships.first(ofKind: "styles").map { PartPath.resolve($0.target, from: workbookPath) } ?? "xl/styles.xml"
        dateStyles = try Self.parsePart(StylesPart(), stylesPath, in: archive, fileName: fileName, optional: true, budget: budget)?.dateStyles ?? []
        let stringsPath = relationships.first(ofKind: "sharedStrings").map { PartPath.resolve($0.target, from: workbookPath) }
            ?? "xl/sharedStrings.xml"
        sharedStrings = try Self.parsePart(SharedStringsPart(), stringsPath, in: archive, fileName: fileName, optional: true, budget: budget)?.strings ?? []
    }

    /// Calls `body` with each row of the sheet, in file order. Rows absent from the file (never written)
    /// are not reported: `SpreadsheetRow.number` tells where each row is. Errors thrown by `body` are
    /// rethrown as they are; problems in the file are `SpreadsheetError`.
    public func forEachRow(inSheet name: String, _ body: (SpreadsheetRow) throws -> Void) throws {
        let index = sheetNames.firstIndex(of: name)
            ?? sheetNames.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
        guard let index else {
            let present = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
            throw SpreadsheetError(
                file: fileName, message: "manca il foglio \"\(name)\"" + (present.isEmpty ? "" : " (fogli presenti: \(present))"))
        }
        let path = sheetPaths[index]
        guard let entry = Self.entry(path, in: archive) else {
            throw SpreadsheetError(file: fileName, message: "manca la parte \(path) del foglio \"\(name)\"")
        }
        var tokenizer = XMLStreamTokenizer()
        var parser = SheetDataParser(sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
        var total = 0
        do {
            let checksum = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: false) { chunk in
                total += chunk.count
                try budget.spend(chunk.count, partTotal: total, wholePart: false, file: fileName, part: path)
                do {
                    try tokenizer.feed(chunk, into: &parser)
                } catch {
                    // The rows completed before the mistake are still handed on, then the mistake.
                    try Self.deliver(&parser, to: body)
                    throw error
                }
                try Self.deliver(&parser, to: body)
            }
            do {
                try tokenizer.finish(into: &parser)
            } catch {
                try Self.deliver(&parser, to: body)
                throw error
            }
            try Self.deliver(&parser, to: body)
            if checksum != entry.checksum {
                throw SpreadsheetError(file: fileName, message: "archivio ZIP danneggiato: il foglio \"\(name)\" non supera il controllo CRC")
            }
        } catch let error as BodyError {
            throw error.underlying
        } catch let error as XMLSyntaxError {
            throw SpreadsheetError(
                file: fileName, row: parser.rowNumber > 0 ? parser.rowNumber : nil,
                message: "XML non valido nel foglio \"\(name)\": \(error.message)")
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(
                file: fileName, row: parser.rowNumber > 0 ? parser.rowNumber : nil,
                message: "archivio ZIP danneggiato o troncato: il foglio \"\(name)\" non si può estrarre (\(error))")
        }
    }

    /// Reads a whole sheet into memory (convenient for small sheets).
    public func rows(inSheet name: String) throws -> [SpreadsheetRow] {
        var rows: [SpreadsheetRow] = []
        try forEachRow(inSheet: name) { rows.append($0) }
        return rows
    }

    // MARK: Package

    /// An error thrown by the caller's closure, carried through ZIPFoundation untouched.
    private struct BodyError: Error {
        var underlying: any Error
    }

    private static func deliver(_ parser: inout SheetDataParser, to body: (SpreadsheetRow) throws -> Void) throws {
        guard !parser.completed.isEmpty else { return }
        defer { parser.completed.removeAll(keepingCapacity: true) }
        for row in parser.completed {
            do { try body(row) } catch { throw BodyError(underlying: error) }
        }
    }

    private static func openArchive(_ url: URL, fileName: String) throws(SpreadsheetError) -> Archive {
        let handle = try ReadableFile.open(url, fileName: fileName)
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        if head.isEmpty {
            throw SpreadsheetError(file: fileName, message: "non è un file XLSX (il file è vuoto)")
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError(
                file: fileName, message: "non è un file XLSX: è un file Excel 97-2003 (.xls); salvarlo in formato .xlsx")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            throw SpreadsheetError(file: fileName, message: "non è un file XLSX (non è un archivio ZIP)")
        }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError(file: fileName, message: "non è un file XLSX leggibile (archivio ZIP danneggiato o troncato)")
        }
    }

    private static func entry(_ path: String, in archive: Archive) -> Entry? {
        if let entry = archive[path] { return entry }
        let lowered = path.lowercased()
        return archive.first { $0.path.lowercased() == lowered }
    }

    /// Reads a small part with a handler; nil when the part is absent and `optional`.
    private static func parsePart<H: XMLTokenHandler>(
        _ handler: H, _ path: String, in archive: Archive, fileName: String, optional: Bool, budget: InflationBudget
    ) throws(SpreadsheetError) -> H? {
        guard let entry = entry(path, in: archive) else {
            if optional { return nil }
            throw SpreadsheetError(file: fileName, message: "manca la parte \(path)")
        }
        var handler = handler
        var tokenizer = XMLStreamTokenizer()
        var total = 0
        do {
            let checksum = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
                // These parts are kept whole in memory: a part that inflates beyond reason is refused.
                total += chunk.count
                try budget.spend(chunk.count, partTotal: total, wholePart: true, file: fileName, part: path)
                try tokenizer.feed(chunk, into: &handler)
            }
            try tokenizer.finish(into: &handler)
            if checksum != entry.checksum {
                throw SpreadsheetError(file: fileName, message: "archivio ZIP danneggiato: la parte \(path) non supera il controllo CRC")
            }
        } catch let error as XMLSyntaxError {
            throw SpreadsheetError(file: fileName, message: "XML non valido nella parte \(path): \(error.message)")
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(file: fileName, message: "archivio ZIP danneggiato o troncato: la parte \(path) non si può estrarre")
        }
        return handler
    }
}
