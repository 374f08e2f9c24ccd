import Foundation
import TraguardoCore
import Yams
import TraguardoSpreadsheet

/// The reading of one workbook: rows to records, records linked by their codes, then the plan file builder.
struct PlanWorkbookRows {
    let file: String
    private var errors: [PlanFileError] = []
    private var records: [String: [PlanWorkbookRecord]] = [:]
    private var rowsRead = 0

    init(file: String) {
        self.file = file
    }

    private mutating func error(_ place: PlanWorkbookPlace, _ message: String) {
        errors.append(Self.error(file: file, place, message))
    }

    static func error(file: String, _ place: PlanWorkbookPlace, _ message: String) -> PlanFileError {
        var field = ""
        if let column = place.column {
            field = "colonna \(CellReference.letters(ofColumn: column))" + (place.heading.map { " «\($0)»" } ?? "")
        }
        return PlanFileError(file: "\(file), foglio «\(place.sheet)»", line: place.row > 0 ? place.row : nil, field: field, message: message)
    }

    // MARK: Sheets and rows

    mutating func read(_ reader: XLSXReader) throws(PlanFileErrors) {
        let names = reader.sheetNames
        if names.count > PlanWorkbookLimits.maxSheets {
            throw PlanFileErrors([PlanFileError(
                file: file, line: nil, field: "",
                message: "la cartella di lavoro ha \(names.count) fogli, oltre il limite di \(PlanWorkbookLimits.maxSheets): un piano ne ha \(PlanWorkbookLayout.sheets.count + 2)")])
        }
        guard names.contains("Ente") || names.contains("Albero") else {
            throw PlanFileErrors([PlanFileError(
                file: file, line: nil, field: "",
                message: "non è un foglio Excel del piano (mancano i fogli «Ente» e «Albero»; fogli presenti: \(names.map { "«\($0)»" }.joined(separator: ", "))): le schede di rilevazione si importano come schede, il modello del piano si ottiene con «traguardo export --template»")])
        }
        let known = Set(PlanWorkbookLayout.sheets.map(\.name) + [PlanWorkbookLayout.instructionsSheet, PlanWorkbookLayout.listsSheet])
        for name in names where !known.contains(name) {
            errors.append(PlanFileError(
                file: file, line: nil, field: "",
                message: "foglio «\(name)» sconosciuto: un piano ha i fogli \(PlanWorkbookLayout.sheets.map { "«\($0.name)»" }.joined(separator: ", "))"))
        }
        for sheet in PlanWorkbookLayout.sheets where !names.contains(sheet.name) {
            errors.append(PlanFileError(
                file: file, line: nil, field: "",
                message: "manca il foglio «\(sheet.name)» (\(sheet.about.lowercased().dropLast())): aggiungerlo con le intestazioni del modello (traguardo export --template)"))
        }
        guard errors.isEmpty else { throw PlanFileErrors(errors) }
        for sheet in PlanWorkbookLayout.sheets {
            var sawHeader = false
            var headerOK = false
            var rows: [SpreadsheetRow] = []
            do {
                try reader.forEachRow(inSheet: sheet.name) { row in
                    rowsRead += 1
                    if rowsRead > PlanWorkbookLimits.maxRows { throw TooManyRows() }
                    if !sawHeader {
                        sawHeader = true
                        headerOK = checkHeader(sheet, row)
                        if row.number == 1 { return }
                    }
                    guard headerOK, row.cells.contains(where: { !Self.isBlank($0) }) else { return }
                    rows.append(row)
                }
            } catch is TooManyRows {
                throw Self.reported([PlanFileError(
                    file: file, line: nil, field: "",
                    message: "la cartella di lavoro ha più di \(ItalianFormatting.number(Decimal(PlanWorkbookLimits.maxRows))) righe: oltre il limite di un piano")] + errors, file: file)
            } catch let problem as SpreadsheetError {
                throw Self.reported([PlanFileError(
                    file: "\(file), foglio «\(sheet.name)»", line: problem.row, field: "", message: problem.message)] + errors, file: file)
            } catch {
                throw Self.reported([PlanFileError(file: file, line: nil, field: "", message: "\(error)")] + errors, file: file)
            }
            if !sawHeader { _ = checkHeader(sheet, SpreadsheetRow(number: 1, cells: [])) }
            records[sheet.name] = rows.map { record(sheet, $0) }
        }
        guard errors.isEmpty else { throw Self.reported(errors, file: file) }
    }

    /// At most `maxReported` errors, then how many more there are: a workbook wrong on every row of a
    /// large sheet gives a page to read, not a million lines.
    static func reported(_ errors: [PlanFileError], file: String) -> PlanFileErrors {
        guard errors.count > PlanWorkbookLimits.maxReported else { return PlanFileErrors(errors) }
        let more = errors.count - PlanWorkbookLimits.maxReported
        return PlanFileErrors(Array(errors.prefix(PlanWorkbookLimits.maxReported)) + [PlanFileError(
            file: file, line: nil, field: "",
            message: "… e altri \(ItalianFormatting.number(Decimal(more))) errori (\(ItalianFormatting.number(Decimal(errors.count))) in tutto)")])
    }

    private struct TooManyRows: Error {}

    static func isBlank(_ cell: SpreadsheetCell) -> Bool {
        if case .text(let text) = cell { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return cell.isEmpty
    }

    /// Row 1 must hold the headings, in order: a moved or renamed column would put values where they do not belong.
    private mutating func checkHeader(_ sheet: PlanSheet, _ row: SpreadsheetRow) -> Bool {
        guard row.number == 1 else {
            error(PlanWorkbookPlace(sheet: sheet.name, row: 1), "manca la riga delle intestazioni: attese \(sheet.columns.map { "«\($0.heading)»" }.joined(separator: ", "))")
            return false
        }
        for index in 0..<max(sheet.columns.count, row.cells.count) {
            let found = PlanWorkbookWriter.text(row[index]).trimmingCharacters(in: .whitespacesAndNewlines)
            let expected = index < sheet.columns.count ? sheet.columns[index].heading : nil
            if found == (expected ?? "") { continue }
            let place = PlanWorkbookPlace(sheet: sheet.name, row: 1, column: index, heading: nil)
            if let expected {
                let moved = sheet.columns.firstIndex { $0.heading == found }
                let hint = moved.map { ": «\(found)» va nella colonna \(CellReference.letters(ofColumn: $0))" } ?? ""
                error(place, "intestazione «\(found)», attesa «\(expected)»\(hint); le colonne del foglio sono, nell'ordine: \(sheet.columns.map(\.heading).joined(separator: ", "))")
            } else {
                error(place, "intestazione «\(found)» oltre l'ultima colonna del foglio («\(sheet.columns.last!.heading)»): togliere la colonna")
            }
            return false
        }
        return true
    }

    /// A row's cells as values of the plan file, each with its place.
    private mutating func record(_ sheet: PlanSheet, _ row: SpreadsheetRow) -> PlanWorkbookRecord {
        let record = PlanWorkbookRecord(sheet: sheet.name, row: row.number)
        // The first value beyond the last heading, if any: one message per row is enough.
        if let index = row.cells.indices.dropFirst(sheet.columns.count).first(where: { !Self.isBlank(row.cells[$0]) }) {
            error(PlanWorkbookPlace(sheet: sheet.name, row: row.number, column: index),
                  "valore «\(PlanWorkbookWriter.text(row[index]).prefix(40))» in una colonna senza intestazione: il foglio finisce alla colonna \(CellReference.letters(ofColumn: sheet.columns.count - 1)) («\(sheet.columns.last!.heading)»)")
        }
        for (index, column) in sheet.columns.enumerated() {
            let place = PlanWorkbookPlace(sheet: sheet.name, row: row.number, column: index, heading: column.heading)
            let cell = row[index]
            if column.kind == .link {
                record.links[column.heading] = PlanWorkbookWriter.text(cell).trimmingCharacters(in: .whitespacesAndNewlines)
                continue
            }
            record.fields.append(.init(key: column.key, node: node(cell, column, place), place: place))
        }
        record.identity = sheet.identity.map { heading in
            let index = sheet.column(heading)!
            return PlanWorkbookWriter.text(row[index]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return record
    }

    /// The plan file value of a cell: numbers, dates and truth values as the plan file writes them; text as text,
    /// which the builder reads as it reads a quoted value of a plan file (an Italian number, a date «31/12/2018»).
    private mutating func node(_ cell: SpreadsheetCell, _ column: PlanColumn, _ place: PlanWorkbookPlace) -> Node? {
        func text(_ value: String) -> Node { Node(value, .implicit, .doubleQuoted) }
        func plain(_ value: String) -> Node { Node(value, .implicit, .plain) }
        switch cell {
        case .empty:
            return nil
        case .error(let value):
            error(place, "«\(value)» è un errore del foglio di calcolo, non un valore: atteso \(PlanWorkbookInstructions.expected(column.kind))")
            return nil
        case .text(let value):
            if Self.isBlank(cell) { return nil }
            switch column.kind {
            case .list:
                let lines = value.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return Node(lines.map(text), .implicit, .flow)
            case .yaml:
                if let refused = PlanFileLimits.problem(in: value, file: file) {
                    error(place, refused.message)
                    return nil
                }
                do {
                    guard let node = try Yams.compose(yaml: value) else { return nil }
                    return node
                } catch {
                    let syntax = YAMLSyntaxError.describe(error)
                    self.error(place, "testo YAML non valido (\(syntax.message)): atteso come nel file piano, per esempio «tipo: nodi»")
                    return nil
                }
            case .boolean:
                switch value.trimmingCharacters(in: .whitespaces).uppercased() {
                case "VERO": return plain("true")
                case "FALSO": return plain("false")
                default: return text(value)
                }
            default:
                return text(value)
            }
        case .number(let value):
            switch column.kind {
            case .number, .integer: return plain(DecimalText.format(value))
            case .date:
                if let date = ExcelSerialDate.date(serial: value) { return plain(date.description) }
                return text(DecimalText.format(value))
            case .list: return Node([text(DecimalText.format(value))], .implicit, .flow)
            default: return text(DecimalText.format(value))
            }
        case .date(let value):
            switch column.kind {
            case .date: return plain(value.description)
            case .list: return Node([text(value.description)], .implicit, .flow)
            default: return text(value.description)
            }
        case .boolean(let value):
            return plain(value ? "true" : "false")
        }
    }

    // MARK: Records into a plan

    mutating func build() throws(PlanFileErrors) -> CyclePlan {
        let root = PlanWorkbookRecord(sheet: "Ente", row: 2)
        var index: [String: [String: PlanWorkbookRecord]] = [:]
        for sheet in PlanWorkbookLayout.sheets {
            let rows = records[sheet.name] ?? []
            if case .root(let required) = sheet.placement {
                if rows.isEmpty, required {
                    error(PlanWorkbookPlace(sheet: sheet.name, row: 2), "il foglio non ha righe: attesa una riga con \(sheet.columns.prefix(2).map { "«\($0.heading)»" }.joined(separator: " e "))")
                }
                for extra in rows.dropFirst() {
                    error(PlanWorkbookPlace(sheet: sheet.name, row: extra.row), "il foglio ha una sola riga (\(sheet.about.lowercased().dropLast())); trovata un'altra riga")
                }
                if let first = rows.first {
                    root.fields += first.fields
                    first.placed = true
                }
                continue
            }
            var known: [String: PlanWorkbookRecord] = [:]
            if !sheet.identity.isEmpty {
                for record in rows where known[Self.key(record.identity)] == nil { known[Self.key(record.identity)] = record }
            }
            index[sheet.name] = known
            guard case .lists(let places) = sheet.placement else { continue }
            for record in rows { place(record, sheet: sheet, places: places, root: root, index: index) }
        }
        // Without the Ente's row there is no Ente-year to build: the builder would only repeat it.
        if root.fields.isEmpty { throw Self.reported(errors, file: file) }
        let tree = materialize(root, path: "")
        reportUnreached()
        let diagnostics = Diagnostics()
        let builder = PlanBuilder(diagnostics: diagnostics)
        if let object = FileObject(tree, file: file, path: "", diagnostics: diagnostics) {
            builder.add(object)
            object.finish()
        }
        let plans = builder.finish()
        let translated = diagnostics.errors.map(translate)
        guard errors.isEmpty, translated.isEmpty, let plan = plans.first else {
            throw Self.reported(errors + translated, file: file)
        }
        return plan
    }

    static func key(_ values: [String]) -> String { values.joined(separator: "\u{1F}") }

    /// Hangs a row under the record its link columns name.
    private mutating func place(
        _ record: PlanWorkbookRecord, sheet: PlanSheet, places: [PlanListPlace], root: PlanWorkbookRecord,
        index: [String: [String: PlanWorkbookRecord]]
    ) {
        let filled = { (heading: String) in !(record.links[heading] ?? "").isEmpty }
        let candidates = places.filter { !$0.required.isEmpty && $0.required.allSatisfy(filled) }
        let linkHeadings = sheet.columns.filter { $0.kind == .link }.map(\.heading)
        let first = sheet.column(linkHeadings.first ?? "") ?? 0
        let chosen: PlanListPlace
        if candidates.count == 1 {
            chosen = candidates[0]
        } else if candidates.count > 1 {
            let names = candidates.map { "«\($0.required.first!)»" }.joined(separator: " e ")
            error(PlanWorkbookPlace(sheet: sheet.name, row: record.row, column: first, heading: linkHeadings.first),
                  "compilate sia \(names): la riga appartiene a uno solo; lasciare vuota l'altra colonna")
            return
        } else if let top = places.first(where: { $0.parent == nil }), !linkHeadings.contains(where: filled) {
            chosen = top
        } else {
            let needed = places.filter { !$0.required.isEmpty }.map { $0.required.map { "«\($0)»" }.joined(separator: " e ") }
            error(PlanWorkbookPlace(sheet: sheet.name, row: record.row, column: first, heading: linkHeadings.first),
                  "manca a chi appartiene la riga: compilare \(needed.joined(separator: " oppure "))")
            return
        }
        guard let parentSheet = chosen.parent else {
            root.append(record, key: chosen.key)
            record.placed = true
            return
        }
        let values = chosen.links.map { record.links[$0] ?? "" }
        guard let parent = index[parentSheet]?[Self.key(values)] else {
            let parentLayout = PlanWorkbookLayout.sheetsByName[parentSheet]!
            let shown = zip(chosen.links, values).filter { !$0.1.isEmpty }.map { "\($0.0) «\($0.1)»" }.joined(separator: ", ")
            let column = chosen.required.last.flatMap { sheet.column($0) } ?? first
            error(PlanWorkbookPlace(sheet: sheet.name, row: record.row, column: column, heading: sheet.columns[column].heading),
                  "\(shown): nessuna riga del foglio «\(parentSheet)» ha \(parentLayout.identity.map { "«\($0)»" }.joined(separator: ", ")) uguale; atteso un codice di quel foglio")
            return
        }
        if parentSheet == sheet.name { record.parent = parent }
        parent.append(record, key: chosen.key)
        record.placed = true
    }

    // MARK: The plan file's tree

    private var recordPlaces: [String: PlanWorkbookPlace] = [:]
    private var cellPlaces: [String: PlanWorkbookPlace] = [:]

    private mutating func materialize(_ record: PlanWorkbookRecord, path: String) -> Node {
        record.visited = true
        recordPlaces[path] = PlanWorkbookPlace(sheet: record.sheet, row: record.row)
        let map = PlanWorkbookMap()
        if path.isEmpty { map.set(["formato"], .node(Node(PlanFileReader.formatName, .implicit, .plain))) }
        for field in record.fields {
            let full = path.isEmpty ? field.key : "\(path).\(field.key)"
            cellPlaces[full] = field.place
            if let node = field.node { map.set(field.key.split(separator: ".").map(String.init), .node(node)) }
        }
        for (key, children) in record.children {
            map.set(key.split(separator: ".").map(String.init), .records(children))
        }
        return map.node(path: path) { child, childPath in materialize(child, path: childPath) }
    }

    /// Rows placed under a parent that the tree never reaches: their parents form a cycle.
    private mutating func reportUnreached() {
        for sheet in PlanWorkbookLayout.sheets {
            for record in records[sheet.name] ?? [] where record.placed && !record.visited && record.parent != nil {
                var chain = [record]
                var current = record.parent
                while let step = current, !chain.contains(where: { $0 === step }) {
                    chain.append(step)
                    current = step.parent
                }
                guard let step = current, step === record else { continue }
                // One message per cycle, on its first row.
                guard chain.map(\.row).min() == record.row else { continue }
                let codes = (chain + [record]).map { $0.identity.joined() }.map { "«\($0)»" }.joined(separator: " → ")
                let column = sheet.columns.firstIndex { $0.kind == .link }!
                error(PlanWorkbookPlace(sheet: sheet.name, row: record.row, column: column, heading: sheet.columns[column].heading),
                      "i padri formano un ciclo (\(codes)): nessuna di queste righe discende da una riga di primo livello (con «\(sheet.columns[column].heading)» vuota)")
            }
        }
    }

    /// A builder error at the sheet, row and column the record and key came from.
    private func translate(_ error: PlanFileError) -> PlanFileError {
        var field = error.field
        while true {
            if let place = cellPlaces[field] { return Self.error(file: file, place, error.message) }
            if let place = recordPlaces[field] { return Self.error(file: file, place, error.message) }
            if field.isEmpty { break }
            if field.hasSuffix("]"), let open = field.lastIndex(of: "[") {
                field = String(field[..<open])
            } else if let dot = field.lastIndex(of: ".") {
                field = String(field[..<dot])
            } else {
                field = ""
            }
        }
        return PlanFileError(file: file, line: nil, field: "", message: error.message)
    }
}
