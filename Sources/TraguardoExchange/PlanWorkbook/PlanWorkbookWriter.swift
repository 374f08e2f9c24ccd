import Foundation
import TraguardoCore
import Yams
import TraguardoSpreadsheet

/// Writes an Ente-year as the plan workbook: one sheet per kind of record (`PlanWorkbookLayout`), the codes as
/// keys, Italian headings, frozen header rows, a drop-down list on every column that takes one of a list of
/// values, and the sheets «Istruzioni» (what each sheet and column means) and «Elenchi» (the lists' values).
/// The workbook holds what the plan file holds: it is made from the plan file's own records
/// (`PlanFileWriter.document`), so `PlanWorkbookReader` reads back the same plan.
public enum PlanWorkbookWriter {
    /// The plan of one Ente-year.
    public static func write(_ plan: CyclePlan, to url: URL) throws(SpreadsheetError) {
        try XLSXWriter.write(sheets(PlanFileWriter.document(plan)), to: url)
    }

    /// The blank workbook (`export --template`): the same sheets, headings and lists, no rows.
    public static func writeTemplate(to url: URL) throws(SpreadsheetError) {
        try XLSXWriter.write(sheets(nil), to: url)
    }

    /// A record already written, with the values that name it for the sheets below it.
    private struct Written {
        var identity: [String]
        var node: Node
    }

    static func sheets(_ document: Node?) -> [WorksheetContent] {
        let lists = PlanWorkbookLists()
        var written: [String: [Written]] = [:]
        var contents = [PlanWorkbookInstructions.sheet()]
        for sheet in PlanWorkbookLayout.sheets {
            var rows: [[SpreadsheetCell]] = [sheet.columns.map { .text($0.heading) }]
            var records: [Written] = []
            func add(_ node: Node, links: [String: String]) -> Written {
                let cells = sheet.columns.map { column -> SpreadsheetCell in
                    column.kind == .link ? (links[column.heading].map { $0.isEmpty ? .empty : .text($0) } ?? .empty) : cell(node, column)
                }
                rows.append(cells)
                let identity = sheet.identity.map { heading in text(cells[sheet.column(heading)!]) }
                let record = Written(identity: identity, node: node)
                records.append(record)
                return record
            }
            switch sheet.placement {
            case .root:
                if let document, sheet.columns.contains(where: { !cell(document, $0).isEmpty }) {
                    _ = add(document, links: [:])
                }
            case .lists(let places):
                let nested = places.filter { $0.parent == sheet.name }
                func visit(_ place: PlanListPlace, in node: Node, parent: [String]) {
                    guard case .sequence(let list)? = value(node, place.key) else { return }
                    let links = Dictionary(zip(place.links, parent), uniquingKeysWith: { first, _ in first })
                    for element in list {
                        let record = add(element, links: links)
                        for inner in nested { visit(inner, in: element, parent: record.identity) }
                    }
                }
                for place in places where place.parent != sheet.name {
                    if let parent = place.parent {
                        for record in written[parent] ?? [] { visit(place, in: record.node, parent: record.identity) }
                    } else if let document {
                        visit(place, in: document, parent: [])
                    }
                }
            }
            written[sheet.name] = records
            contents.append(content(sheet, rows: rows, lists: lists))
        }
        contents.append(lists.sheet())
        return contents
    }

    private static func content(_ sheet: PlanSheet, rows: [[SpreadsheetCell]], lists: PlanWorkbookLists) -> WorksheetContent {
        var textColumns = Set<Int>()
        var validations: [ListValidation] = []
        var widths: [Double] = []
        for (index, column) in sheet.columns.enumerated() {
            switch column.kind {
            case .text, .link, .list, .yaml: textColumns.insert(index)
            case .choice(let values):
                textColumns.insert(index)
                validations.append(ListValidation(
                    column: index, firstRow: 1, source: lists.source(for: values, heading: column.heading),
                    message: "Scegliere un valore dell'elenco: \(values.joined(separator: ", "))"))
            default: break
            }
            let longest = rows.prefix(200).map { text($0[index]).split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0
            widths.append(Double(min(max(column.heading.count + 2, longest + 1, 8), 60)))
        }
        return WorksheetContent(
            name: sheet.name, rows: rows, columnWidths: widths, headerRows: 1, textColumns: textColumns,
            listValidations: validations)
    }

    /// The cell of a column for the record `node`.
    static func cell(_ node: Node, _ column: PlanColumn) -> SpreadsheetCell {
        guard let found = value(node, column.key) else { return .empty }
        switch column.kind {
        case .link:
            return .empty
        case .list:
            let texts: [String]
            if case .sequence(let list) = found { texts = list.compactMap { $0.scalar?.string } } else { texts = [found.scalar?.string ?? ""] }
            return texts.isEmpty ? .empty : .text(texts.joined(separator: "\n"))
        case .yaml:
            let text = (try? Yams.serialize(node: found, width: -1, allowUnicode: true)) ?? ""
            return .text(text.trimmingCharacters(in: .newlines))
        default:
            break
        }
        guard let scalar = found.scalar?.string, !scalar.isEmpty else { return .empty }
        switch column.kind {
        case .number, .integer:
            return ItalianNumber.parseMachine(scalar).map { .number($0) } ?? .text(scalar)
        case .date:
            return CivilDate(iso: scalar).map { .date($0) } ?? .text(scalar)
        case .boolean:
            return scalar == "true" ? .boolean(true) : scalar == "false" ? .boolean(false) : .text(scalar)
        default:
            return .text(scalar)
        }
    }

    /// The value at a dotted key path of a record.
    static func value(_ node: Node, _ key: String) -> Node? {
        var current: Node? = node
        for part in key.split(separator: ".") {
            guard case .mapping(let mapping)? = current else { return nil }
            current = mapping.first { $0.key.scalar?.string == String(part) }?.value
        }
        return current
    }

    static func text(_ cell: SpreadsheetCell) -> String {
        switch cell {
        case .text(let value): return value
        case .number(let value): return DecimalText.format(value)
        case .date(let value): return value.description
        case .boolean(let value): return value ? "true" : "false"
        case .error(let value): return value
        case .empty: return ""
        }
    }
}
