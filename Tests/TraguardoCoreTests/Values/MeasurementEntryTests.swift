import Foundation
import Testing
import TraguardoCore

typealias Measurement = TraguardoCore.Measurement

/// The one rule that reads what a person entered into a measurement (sheet, form, API use it).
@Suite struct MeasurementEntryTests {
    let period = MonitoringPeriod(
        id: "lucca-2013-ANNO", entityCode: "lucca", year: 2013, code: "ANNO", name: "Anno", kind: .yearEnd,
        endsOn: CivilDate(year: 2013, month: 12, day: 31), sequence: 2)

    func stored(_ change: (inout Measurement) -> Void) -> Measurement {
        var m = Measurement(id: "I@ANNO", itemID: "I", periodID: period.id)
        change(&m)
        return m
    }

    func read(_ entry: MeasurementEntry, existing: Measurement? = nil) -> MeasurementEntry.Reading {
        entry.read(item: "I", period: period, existing: existing, year: 2013)
    }

    func problems(_ entry: MeasurementEntry) -> [String] {
        if case .problems(let found) = read(entry) { return found.map(\.message) }
        return []
    }

    /// Every kind of stored measurement, including texts as imported documents print them («28-mag»,
    /// «n. 3704 ore formazione») that the entry rule would not read: shown and entered again, it is unchanged;
    /// its canonical text reads back to the same value.
    @Test func whatIsShownIsAcceptedBackUnchanged() throws {
        let measurements = [
            stored { $0.value = Decimal(string: "99.22"); $0.text = "99,22%" },
            stored { $0.value = 3704; $0.text = "n. 3704 ore formazione" },
            stored { $0.date = CivilDate(year: 2013, month: 5, day: 28); $0.text = "28-mag" },
            stored { $0.numerator = 43; $0.denominator = 47 },
            stored { $0.done = true; $0.text = "realizzato" },
            stored { $0.text = "4 monitoraggi n. 720 utenti serviti" },
            stored { $0.notComputableReason = "nessuna richiesta"; $0.text = "N.C." },
            stored { $0.value = 7; $0.justifiedDeviation = true; $0.justificationNote = nil },
            stored { $0.value = 7; $0.justifiedDeviation = true; $0.justificationNote = "due fatture contestate"; $0.narrative = "nota" },
            stored { $0.narrative = String(repeating: "a", count: TextLength.maxCharacters + 1) },
        ]
        for m in measurements {
            #expect(read(MeasurementEntry(showing: m), existing: m) == .unchanged, "\(m)")
            // As a sheet writes it: the value column says «N.C.», the justification «sì».
            let sheet = MeasurementEntry(
                value: m.enteredText, notComputableReason: m.notComputableReason ?? "", justifiedDeviation: m.justifiedDeviation,
                justification: m.justifiedDeviation ? m.justificationNote ?? "sì" : "", narrative: m.narrative ?? "")
            #expect(read(sheet, existing: m) == .unchanged, "\(m)")
            if m.value != nil || m.date != nil || m.done != nil || m.numerator != nil || m.isNotComputable {
                var fresh = Measurement(id: m.id, itemID: m.itemID, periodID: m.periodID)
                try EnteredValue.parse(m.enteredText, year: 2013).apply(to: &fresh)
                let sameValue = fresh.value == m.value && fresh.date == m.date
                #expect(sameValue && fresh.done == m.done && fresh.numerator == m.numerator)
            }
        }
    }

    @Test func theSameContentWrittenDifferentlyIsUnchanged() {
        let m = stored { $0.value = Decimal(string: "99.22") }
        #expect(read(MeasurementEntry(value: "99,22%"), existing: m) == .unchanged)
        #expect(read(MeasurementEntry(value: " 99,220 "), existing: m) == .unchanged)
        guard case .changed(let changed) = read(MeasurementEntry(value: "98"), existing: m) else { Issue.record("non letto"); return }
        #expect(changed.value == 98 && changed.text == "98" && changed.id == m.id)
    }

    @Test func oneValueChangedKeepsTheRestOfTheMeasurement() {
        let m = stored { $0.value = 3704; $0.text = "n. 3704 ore formazione"; $0.evidence = ["verbale.pdf"] }
        var entry = MeasurementEntry(showing: m)
        entry.narrative = "corsi in sede"
        guard case .changed(let changed) = read(entry, existing: m) else { Issue.record("non letto"); return }
        #expect(changed.value == 3704 && changed.text == "n. 3704 ore formazione" && changed.narrative == "corsi in sede")
        #expect(changed.evidence == ["verbale.pdf"])
    }

    @Test func refusesWhatNoEdgeMayStore() {
        #expect(problems(MeasurementEntry(value: "1.000.000.000.000.000")) == [
            "valore «1.000.000.000.000.000» fuori scala (oltre 1.000.000.000.000): controllare gli zeri"])
        #expect(problems(MeasurementEntry(value: "2/10000000000000")).first?.contains("fuori scala") == true)
        #expect(problems(MeasurementEntry(value: "95", notComputableReason: "nessuna richiesta")) == [
            "c'è sia un valore («95») sia un motivo N.C.: lasciare solo uno dei due"])
        #expect(problems(MeasurementEntry(value: "95", notComputable: true, notComputableReason: "nessuna richiesta")) == [
            "c'è sia un valore («95») sia un motivo N.C.: lasciare solo uno dei due"])
        #expect(problems(MeasurementEntry(value: "N.C.")) == [
            "la rilevazione è N.C.: scrivere il motivo (per esempio «nessuna richiesta nel periodo»)"])
        #expect(problems(MeasurementEntry(notComputable: true)) == [
            "la rilevazione è N.C.: scrivere il motivo (per esempio «nessuna richiesta nel periodo»)"])
        #expect(problems(MeasurementEntry(narrative: "solo una nota")) == [
            "manca il valore rilevato: scriverlo, oppure segnare la rilevazione come non computabile (N.C.)"])
        #expect(problems(MeasurementEntry(value: "boh")).first?.hasPrefix("valore «boh» non leggibile: atteso un numero") == true)
        #expect(problems(MeasurementEntry(value: "95", justifiedDeviation: true)).first?.hasPrefix(
            "uno scostamento giustificato richiede la giustificazione") == true)
        #expect(problems(MeasurementEntry(value: "95", narrative: String(repeating: "x", count: 4_001))).first?.hasPrefix(
            "La nota ha 4.001 caratteri") == true)
    }

    @Test func readsNotComputableAndJustifications() {
        guard case .changed(let nc) = read(MeasurementEntry(notComputableReason: "nessuna richiesta")) else { Issue.record("N.C."); return }
        #expect(nc.isNotComputable && nc.notComputableReason == "nessuna richiesta" && nc.value == nil && nc.id == "I@ANNO")
        guard case .changed(let yes) = read(MeasurementEntry(value: "7", justifiedDeviation: true, justification: "sì")) else {
            Issue.record("sì"); return
        }
        #expect(yes.justifiedDeviation && yes.justificationNote == nil && yes.value == 7)
        guard case .changed(let typed) = read(MeasurementEntry(value: "31/12/2013", typedValue: .value(.date(CivilDate(year: 2013, month: 12, day: 31))))) else {
            Issue.record("data"); return
        }
        #expect(typed.date == CivilDate(year: 2013, month: 12, day: 31))
        #expect(MeasurementEntry.Problem(field: .value, message: "valore «x» non leggibile").sentence == "Valore «x» non leggibile.")
    }
}
