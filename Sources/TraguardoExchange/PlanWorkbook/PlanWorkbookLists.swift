import TraguardoSpreadsheet
/// The sheet «Elenchi»: one column per list of values the plan's columns take (tipo di nodo, comparatore,
/// fase…), which the drop-down lists of the other sheets point to. Each list is written once.
final class PlanWorkbookLists {
    private var columns: [(heading: String, values: [String])] = []

    /// The range of `values` in the sheet, adding them if they are new.
    func source(for values: [String], heading: String) -> String {
        let index = columns.firstIndex { $0.values == values } ?? {
            columns.append((heading, values))
            return columns.count - 1
        }()
        return ListValidation.range(sheet: PlanWorkbookLayout.listsSheet, column: index, firstRow: 1, count: values.count)
    }

    func sheet() -> WorksheetContent {
        let height = (columns.map(\.values.count).max() ?? 0) + 1
        var rows = [[SpreadsheetCell]](repeating: [SpreadsheetCell](repeating: .empty, count: columns.count), count: height)
        for (index, column) in columns.enumerated() {
            rows[0][index] = .text(column.heading)
            for (row, value) in column.values.enumerated() { rows[row + 1][index] = .text(value) }
        }
        return WorksheetContent(
            name: PlanWorkbookLayout.listsSheet, rows: rows, columnWidths: columns.map { _ in 24 }, headerRows: 1,
            textColumns: Set(columns.indices))
    }
}
