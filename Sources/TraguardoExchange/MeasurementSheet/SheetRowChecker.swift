import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// Reads the heading block (rows 1–6) of a *scheda di rilevazione*.
struct HeadingParser {
    struct Done: Error {}

    let file: String
    var values: [MeasurementSheetLayout.Heading: (value: SpreadsheetCell, row: Int)] = [:]

    init(file: String) { self.file = file }

    mutating func take(_ row: SpreadsheetRow) {
        guard let label = MeasurementSheetLayout.Heading(rawValue: row[0].text) else { return }
        values[label] = (row[1], row.number)
    }

    func finish() throws(SheetProblems) -> MeasurementSheetHeading {
        var problems: [SheetProblem] = []
        func value(_ label: MeasurementSheetLayout.Heading) -> String? {
            guard let found = values[label] else {
                problems.append(SheetProblem(
                    file: file, row: nil, column: nil,
                    message: "manca la riga «\(label.rawValue)» nell'intestazione (righe 1–\(MeasurementSheetLayout.headingRows)): "
                        + "il file non è una scheda di rilevazione di Traguardo, o l'intestazione è stata cambiata"))
                return nil
            }
            let text = found.value.text
            if text.isEmpty {
                problems.append(SheetProblem(file: file, row: found.row, column: "B", message: "manca il valore di «\(label.rawValue)»"))
                return nil
            }
            return text
        }
        let entity = value(.entity)
        let yearText = value(.year)
        let period = value(.period)
        let office = value(.office)
        var year: Int?
        if let yearText {
            year = Int(yearText.replacingOccurrences(of: ".", with: ""))
            if year == nil || !(1990...2100).contains(year!) {
                problems.append(SheetProblem(file: file, row: values[.year]?.row, column: "B",
                                             message: "anno «\(yearText)» non valido: atteso un anno come 2018"))
            }
        }
        guard problems.isEmpty, let entity, let year, let period, let office else {
            throw SheetProblems(problems: problems, total: problems.count)
        }
        return MeasurementSheetHeading(
            entityCode: entity, year: year, periodCode: period,
            officeCode: office.lowercased() == MeasurementSheetLayout.everyOffice ? nil : office)
    }
}

/// Checks the item rows of a sheet against the plan and turns each filled row into a measurement.
struct SheetRowChecker {
    typealias Column = MeasurementSheetLayout.Column

    let file: String
    let plan: CyclePlan
    let heading: MeasurementSheetHeading
    let author: String?
    let recordedAt: Date?
    /// Item path → item id; nil value: the path names two items.
    let itemsByPath: [String: String?]
    let paths: [String: String]
    /// Item id → its office's id; empty for a sheet of the whole Ente.
    let responsible: [String: String]
    var period: MonitoringPeriod?
    var officeID: String?
    var existing: [String: TraguardoCore.Measurement] = [:]
    var seen: [String: Int] = [:]
    var titlesSeen = false
    var layoutBroken = false
    var itemRows = 0
    var summary: SheetReadSummary
    var problems: [SheetProblem] = []
    var problemCount = 0

    init(file: String, plan: CyclePlan, heading: MeasurementSheetHeading, author: String?, recordedAt: Date?) {
        self.file = file
        self.plan = plan
        self.heading = heading
        self.author = author
        self.recordedAt = recordedAt
        paths = plan.itemPaths()
        var byPath: [String: String?] = [:]
        for (id, path) in paths { byPath[path] = byPath[path] == nil ? .some(id) : .some(nil) }
        itemsByPath = byPath
        // Only an office's sheet checks whose each item is (the whole Ente's sheet has every item).
        responsible = heading.officeCode == nil ? [:] : plan.responsibleUnits()
        summary = SheetReadSummary(heading: heading)
    }

    mutating func problem(_ row: Int?, _ column: Column?, _ message: String) {
        problemCount += 1
        if problems.count < 200 { problems.append(SheetProblem(file: file, row: row, column: column?.title, message: message)) }
    }

    mutating func checkHeading() throws(SheetProblems) {
        let row = { (label: MeasurementSheetLayout.Heading) in MeasurementSheetLayout.Heading.allCases.firstIndex(of: label)! + 2 }
        if heading.entityCode != plan.entity.code || heading.year != plan.cycle.year {
            problem(row(.entity), nil, "la scheda è di \(heading.entityCode) \(heading.year), non di \(plan.entity.code) \(plan.cycle.year)")
        }
        period = plan.period(code: heading.periodCode)
        if period == nil {
            problem(row(.period), nil, "il periodo «\(heading.periodCode)» non esiste nel ciclo \(plan.cycle.year) di \(plan.entity.code): "
                + "periodi del ciclo \(plan.periods.map(\.code).joined(separator: ", "))")
        }
        if let office = heading.officeCode {
            officeID = plan.unit(named: office)?.id
            if officeID == nil {
                problem(row(.office), nil, "l'ufficio «\(office)» non esiste in \(plan.entity.code) \(plan.cycle.year)")
            }
        }
        if problemCount > 0 { throw SheetProblems(problems: problems, total: problemCount) }
        existing = plan.measurementsByItem(in: period!)
    }

    /// The row's measurement, or nil for heading rows, empty rows and rows with problems.
    mutating func take(_ row: SpreadsheetRow) -> TraguardoCore.Measurement? {
        let titleRow = MeasurementSheetLayout.columnTitleRow
        if row.number < titleRow || layoutBroken { return nil }
        if row.number == titleRow {
            titlesSeen = true
            let found = Column.allCases.map { row[$0.rawValue].text }
            if found != Column.allCases.map(\.title) {
                layoutBroken = true
                problem(row.number, nil, "attesi i titoli delle colonne «\(Column.allCases.map(\.title).joined(separator: "; "))», "
                    + "trovato «\(found.joined(separator: "; "))»: le colonne sono state spostate o il file non è una scheda di rilevazione")
            }
            return nil
        }
        return item(row)
    }

    private mutating func item(_ row: SpreadsheetRow) -> TraguardoCore.Measurement? {
        let code = row[Column.code.rawValue].text
        let filled = !row[Column.value.rawValue].isEmpty || !row[Column.notComputableReason.rawValue].isEmpty
            || !row[Column.justification.rawValue].isEmpty || !row[Column.note.rawValue].isEmpty
        if code.isEmpty {
            if filled { problem(row.number, .code, "manca il codice dell'item: la riga ha dei valori ma non si sa di quale item") }
            return nil
        }
        itemRows += 1
        guard let entry = itemsByPath[code] else {
            problem(row.number, .code, "il codice «\(code)» non è un item di \(plan.entity.code) \(plan.cycle.year) "
                + "(atteso NODO/INDICATORE/ITEM come nella scheda esportata, per esempio C30101/1/1a)")
            return nil
        }
        guard let itemID = entry else {
            problem(row.number, .code, "il codice «\(code)» indica più di un item del piano: correggere i codici nel piano")
            return nil
        }
        if let previous = seen[itemID] {
            problem(row.number, .code, "l'item «\(code)» compare anche alla riga \(previous)")
            return nil
        }
        seen[itemID] = row.number
        if let officeID, responsible[itemID] != officeID {
            let owner = responsible[itemID].flatMap { id in plan.units.first { $0.id == id } }.map { $0.code ?? $0.id } ?? "nessun ufficio"
            problem(row.number, .code, "l'item «\(code)» è di \(owner), non dell'ufficio \(heading.officeCode ?? ""): "
                + "la riga viene dalla scheda di un altro ufficio")
            return nil
        }
        guard filled else {
            summary.empty += 1
            return nil
        }
        guard let period else { return nil }
        let before = problemCount
        let reason = text(row, .notComputableReason)
        let justification = text(row, .justification)
        let note = text(row, .note)
        let valueCell = row[Column.value.rawValue]
        let typed = MeasurementEntry(
            value: valueCell.text, typedValue: Self.typedValue(valueCell),
            notComputableReason: reason ?? "", justifiedDeviation: justification != nil, justification: justification ?? "",
            narrative: note ?? "")
        guard problemCount == before else { return nil }
        switch typed.read(item: itemID, period: period, existing: existing[itemID], year: plan.cycle.year) {
        case .problems(let found):
            for p in found { problem(row.number, Self.column(p.field), p.message) }
            return nil
        case .unchanged:
            summary.filled += 1
            summary.unchanged += 1
            return nil
        case .changed(var m):
            summary.filled += 1
            m.author = author ?? m.author
            m.recordedAt = recordedAt ?? m.recordedAt
            m.provenance = Provenance(source: file, lines: String(row.number))
            return m
        }
    }

    /// The sheet's column for a field of the entry.
    static func column(_ field: MeasurementEntry.Field) -> Column {
        switch field {
        case .value: .value
        case .notComputableReason: .notComputableReason
        case .justification: .justification
        case .narrative: .note
        }
    }

    private mutating func text(_ row: SpreadsheetRow, _ column: Column) -> String? {
        let cell = row[column.rawValue]
        if case .error(let code) = cell {
            problem(row.number, column, "la cella contiene l'errore «\(code)» del foglio di calcolo: scrivere il testo")
            return nil
        }
        let text = cell.text
        return text.isEmpty ? nil : text
    }

    /// The value when the cell holds it typed (a number, a date, a boolean); the entry reads text, and an
    /// error value (`#RIF!`) as the text it is.
    static func typedValue(_ cell: SpreadsheetCell) -> EnteredValue? {
        switch cell {
        case .empty, .text, .error: nil
        case .number(let number): .value(.number(number, unit: nil))
        case .date(let date): .value(.date(date))
        case .boolean(let done): .value(.done(done))
        }
    }

    func finish() throws(SheetProblems) -> SheetReadSummary {
        var all = problems
        var total = problemCount
        if !titlesSeen {
            all.append(SheetProblem(file: file, row: MeasurementSheetLayout.columnTitleRow, column: nil,
                                    message: "manca la riga dei titoli delle colonne (Codice; Obiettivo o nodo; …)"))
            total += 1
        } else if itemRows == 0 && !layoutBroken {
            all.append(SheetProblem(file: file, row: nil, column: nil,
                                    message: "la scheda non ha righe di item (dalla riga \(MeasurementSheetLayout.columnTitleRow + 1) in giù)"))
            total += 1
        }
        if total > 0 { throw SheetProblems(problems: all, total: total) }
        return summary
    }
}
