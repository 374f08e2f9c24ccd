import Foundation
import TraguardoCore
import TraguardoSpreadsheet

/// Reads the cases of Carta dei servizi services from a register export (CSV or XLSX, the first sheet): one row per
/// case under a row of column titles. The columns are found by their titles, in any order; columns with other
/// titles (registers export many) are left alone. Every row is checked; all problems are collected and thrown
/// together (file, row, column, value found, what was expected), so the caller writes nothing unless the whole
/// file is right.
///
/// | column (accepted titles) | content |
/// |---|---|
/// | servizio (codice servizio, codice carta) | the Carta row's code, `3.1.1`; may be left out when the file is of one service |
/// | protocollo (pratica, id caso, …) | the case id, unique within the service |
/// | ricevuta (data ricezione, data presentazione, …) | the day the case was received |
/// | conclusa (data conclusione, data evasione, …) | the day it was closed; empty: not concluded |
/// | sospensioni | `05/03/2018-09/03/2018, 12/04/2018-13/04/2018`: days on which the clock stops |
/// | sospeso dal, sospeso al | one suspension, as two dates |
/// | canale | `PEC`, `sportello` … |
/// | ritardo giustificato (giustificazione, motivo ritardo) | the reason of a justified delay |
public enum ServiceCaseFile {
    /// At most this many cases per file.
    public static let maximumRows = 200_000
    /// At most this many suspensions per case.
    public static let maximumSuspensions = 50

    enum Column: String, CaseIterable {
        case service = "servizio"
        case caseID = "protocollo"
        case received = "ricevuta"
        case closed = "conclusa"
        case suspensions = "sospensioni"
        case suspendedFrom = "sospeso dal"
        case suspendedTo = "sospeso al"
        case channel = "canale"
        case justification = "ritardo giustificato"

        var titles: [String] {
            switch self {
            case .service: ["servizio", "codice servizio", "codice carta", "riga carta"]
            case .caseID: ["protocollo", "n. protocollo", "numero protocollo", "pratica", "id pratica", "caso", "id caso", "identificativo"]
            case .received: ["ricevuta", "ricevuto", "data ricezione", "data di ricezione", "data presentazione", "data di presentazione", "data protocollo", "data arrivo"]
            case .closed: ["conclusa", "concluso", "data conclusione", "data di conclusione", "data chiusura", "data evasione", "evasa"]
            case .suspensions: ["sospensioni", "sospensione"]
            case .suspendedFrom: ["sospeso dal", "sospensione dal", "inizio sospensione"]
            case .suspendedTo: ["sospeso al", "sospensione al", "fine sospensione"]
            case .channel: ["canale"]
            case .justification: ["ritardo giustificato", "giustificazione", "motivo ritardo", "motivazione"]
            }
        }
    }

    /// The cases of `url` for `plan`'s Carta dei servizi. `service`: the Carta code of every row, for a file of
    /// one service without a «servizio» column.
    public static func read(
        _ url: URL, plan: CyclePlan, service: String? = nil, budget: InflationBudget = InflationBudget()
    ) throws(SheetProblems) -> [ServiceCase] {
        var reader = CaseRows(file: url.lastPathComponent, plan: plan, service: service)
        do {
            try SheetRows.forEach(url, budget: budget) { row in try reader.take(row) }
        } catch let error as SheetProblems {
            throw error
        } catch is CaseRows.TooMany {
            reader.problem(nil, nil, "il file ha più di \(Decimal(maximumRows).italian) casi: dividerlo in più file")
        } catch let error as SpreadsheetError {
            throw SheetProblems(problems: [SheetProblem(file: error.file, row: error.row, message: error.message)], total: 1)
        } catch {
            throw SheetProblems(problems: [SheetProblem(file: url.lastPathComponent, message: "\(error)")], total: 1)
        }
        return try reader.finish()
    }
}

/// The reading of one file: the column titles, then each case row.
struct CaseRows {
    struct TooMany: Error {}
    typealias Column = ServiceCaseFile.Column

    let file: String
    let plan: CyclePlan
    let service: String?
    let standards: [String: ServiceStandard]
    var columns: [Column: Int]?
    var cases: [ServiceCase] = []
    var seen: [String: Int] = [:]
    var problems: [SheetProblem] = []
    var total = 0

    init(file: String, plan: CyclePlan, service: String?) {
        self.file = file
        self.plan = plan
        self.service = service
        standards = Dictionary(plan.serviceStandards.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func problem(_ row: Int?, _ column: Column?, _ message: String) {
        total += 1
        if problems.count < 200 { problems.append(SheetProblem(file: file, row: row, column: column?.rawValue, message: message)) }
    }

    mutating func take(_ row: SpreadsheetRow) throws {
        guard row.cells.contains(where: { !$0.isEmpty }) else { return }
        guard let columns else {
            readTitles(row)
            return
        }
        guard cases.count + total < ServiceCaseFile.maximumRows else { throw TooMany() }
        readCase(row, columns)
    }

    private mutating func readTitles(_ row: SpreadsheetRow) {
        var found: [Column: Int] = [:]
        for (index, cell) in row.cells.enumerated() {
            let title = cell.text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            guard let column = Column.allCases.first(where: { $0.titles.contains(title) }) else { continue }
            if found[column] != nil {
                problem(row.number, column, "la colonna «\(column.rawValue)» compare due volte (colonne \(CellReference.letters(ofColumn: found[column]!)) e \(CellReference.letters(ofColumn: index)))")
            }
            found[column] = index
        }
        var missing: [Column] = [.caseID, .received]
        if service == nil { missing.append(.service) }
        missing.removeAll { found[$0] != nil }
        if (found[.suspendedFrom] == nil) != (found[.suspendedTo] == nil) {
            missing.append(found[.suspendedFrom] == nil ? .suspendedFrom : .suspendedTo)
        }
        if !missing.isEmpty {
            let names = missing.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            let hint = missing.contains(.service) ? " (oppure indicare il servizio di tutto il file: --servizio 3.1.1 sulla riga di comando, «Servizio di tutte le righe» nella pagina Importazione)" : ""
            problem(row.number, nil, "la riga dei titoli delle colonne non ha \(names)\(hint); trovati: "
                + row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: "; "))
        }
        if let service, standards[service] == nil {
            problem(nil, .service, serviceProblem(service))
        }
        columns = found
    }

    private func serviceProblem(_ code: String) -> String {
        let known = plan.serviceStandards.prefix(8).map(\.code).joined(separator: ", ")
        return "servizio «\(code)» non è nella Carta dei servizi di \(plan.entity.code) \(plan.cycle.year); attesi codici come \(known)"
            + (plan.serviceStandards.count > 8 ? " …" : "")
    }

    private mutating func readCase(_ row: SpreadsheetRow, _ columns: [Column: Int]) {
        func cell(_ column: Column) -> SpreadsheetCell { columns[column].map { row[$0] } ?? .empty }
        func text(_ column: Column) -> String? {
            let value = cell(column).text
            return value.isEmpty ? nil : value
        }
        let before = total
        let code = text(.service) ?? service
        if let code, standards[code] == nil, text(.service) != nil {
            problem(row.number, .service, serviceProblem(code))
        } else if code == nil {
            problem(row.number, .service, "manca il codice del servizio della Carta (per esempio 3.1.1)")
        }
        let id = text(.caseID)
        if id == nil { problem(row.number, .caseID, "manca il protocollo o l'identificativo del caso") }
        for column in [Column.caseID, .channel, .justification] {
            if let value = text(column), let message = TextLength.problem(value, what: "il testo") {
                problem(row.number, column, message)
            }
        }
        let received = date(row, .received, cell(.received), required: true)
        let closed = date(row, .closed, cell(.closed), required: false)
        if let received {
            let year = plan.cycle.year
            if received.year > year || received.year < year - 10 {
                problem(row.number, .received, "data «\(received.italian)» fuori dal ciclo: attesa una data del \(year) o degli anni precedenti")
            }
            if let closed, closed < received {
                problem(row.number, .closed, "il caso si conclude il \(closed.italian), prima di essere ricevuto (\(received.italian))")
            } else if let closed, closed.dayNumber - received.dayNumber > WorkingDayCalendar.longestSpanInDays {
                problem(row.number, .closed, "il caso dura più di dieci anni (\(received.italian)–\(closed.italian)): controllare le date")
            }
        }
        var suspensions = spans(row, cell(.suspensions))
        if columns[.suspendedFrom] != nil {
            let from = date(row, .suspendedFrom, cell(.suspendedFrom), required: false)
            let to = date(row, .suspendedTo, cell(.suspendedTo), required: false)
            if let from, let to {
                if to < from {
                    problem(row.number, .suspendedTo, "la sospensione finisce il \(to.italian), prima di cominciare (\(from.italian))")
                } else {
                    suspensions.append(DaySpan(from: from, to: to))
                }
            } else if (from == nil) != (to == nil), total == before {
                problem(row.number, from == nil ? .suspendedFrom : .suspendedTo, "una sospensione vuole entrambe le date, «sospeso dal» e «sospeso al»")
            }
        }
        if let received {
            for span in suspensions where span.from < received || closed.map({ span.to > $0 }) ?? false {
                problem(row.number, .suspensions, "la sospensione \(span.from.italian)–\(span.to.italian) non sta tra ricezione (\(received.italian)) e conclusione"
                    + (closed.map { " (\($0.italian))" } ?? ""))
            }
        }
        if let code, let id {
            let key = "\(code)\u{1F}\(id)"
            if let previous = seen[key] {
                problem(row.number, .caseID, "il caso «\(id)» del servizio \(code) compare anche alla riga \(previous)")
            } else {
                seen[key] = row.number
            }
        }
        guard total == before, let code, let id, let received else { return }
        cases.append(ServiceCase(
            serviceCode: code, caseID: id, received: received, closed: closed, suspensions: suspensions,
            channel: text(.channel), justification: text(.justification),
            provenance: Provenance(source: file, lines: String(row.number))))
    }

    /// A date cell: an XLSX date, `31/12/2018`, `31/12/18`, `2018-12-31`.
    private mutating func date(_ row: SpreadsheetRow, _ column: Column, _ cell: SpreadsheetCell, required: Bool) -> CivilDate? {
        switch cell {
        case .empty:
            if required { problem(row.number, column, "manca la data (attesa per esempio 31/12/2018)") }
            return nil
        case .date(let date):
            return date
        default:
            if let date = CivilDate(written: cell.text) { return date }
            problem(row.number, column, "«\(cell.text)» non è una data; attesa per esempio 31/12/2018 o 2018-12-31")
            return nil
        }
    }

    /// `05/03/2018-09/03/2018, 12/04/2018-13/04/2018` (also with «–», «al», «;»).
    private mutating func spans(_ row: SpreadsheetRow, _ cell: SpreadsheetCell) -> [DaySpan] {
        let text = cell.text
        guard !text.isEmpty else { return [] }
        var result: [DaySpan] = []
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
        guard pieces.count <= ServiceCaseFile.maximumSuspensions else {
            problem(row.number, .suspensions, "\(pieces.count) sospensioni: al massimo \(ServiceCaseFile.maximumSuspensions) per caso")
            return []
        }
        for piece in pieces {
            let normalized = piece.replacingOccurrences(of: "–", with: " ").replacingOccurrences(of: " al ", with: " ")
                .replacingOccurrences(of: "dal ", with: "")
            let dates = normalized.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0 != "-" }.flatMap { token -> [Substring] in
                // «05/03/2018-09/03/2018»: two Italian dates joined by a hyphen.
                token.contains("/") && token.contains("-") ? token.split(separator: "-") : [token]
            }
            let parsed = dates.map { CivilDate(written: String($0)) }
            guard parsed.count == 2, let from = parsed[0], let to = parsed[1] else {
                problem(row.number, .suspensions, "«\(piece.trimmingCharacters(in: .whitespaces))» non è una sospensione; attesa per esempio «05/03/2018-09/03/2018» (più sospensioni separate da virgole)")
                continue
            }
            guard from <= to else {
                problem(row.number, .suspensions, "la sospensione \(from.italian)–\(to.italian) finisce prima di cominciare")
                continue
            }
            result.append(DaySpan(from: from, to: to))
        }
        return result
    }

    func finish() throws(SheetProblems) -> [ServiceCase] {
        var problems = problems
        var total = total
        if columns == nil {
            problems.append(SheetProblem(file: file, message: "il file è vuoto: attesa una riga di titoli (servizio; protocollo; ricevuta; conclusa; …) e una riga per caso"))
            total += 1
        }
        guard problems.isEmpty else { throw SheetProblems(problems: problems, total: total) }
        return cases
    }
}
