import Foundation
import Testing
@testable import TraguardoCore

/// SplitMix64: a small seeded generator, so that every run draws the same cases and a failure repeats.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

private let lucca = WorkingDayCalendar(patronSaint: PatronSaint(name: "San Paolino", month: 7, day: 12))

@Suite("Calendario dei giorni lavorativi")
struct WorkingDayCalendarTests {
    @Test func easterSundayOfKnownYears() {
        #expect(ItalianHolidays.easterSunday(2018) == date("2018-04-01"))
        #expect(ItalianHolidays.easterSunday(2019) == date("2019-04-21"))
        #expect(ItalianHolidays.easterSunday(2024) == date("2024-03-31"))
        #expect(ItalianHolidays.easterSunday(2025) == date("2025-04-20"))
        #expect(ItalianHolidays.easterMonday(2018) == date("2018-04-02"))
        #expect(ItalianHolidays.easterMonday(2000) == date("2000-04-24"))
    }

    @Test func dayNumbersGoBothWays() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let number = Int.random(in: 600_000...800_000, using: &generator)
            let day = CivilDate(dayNumber: number)
            #expect(CivilDate.isValid(year: day.year, month: day.month, day: day.day))
            #expect(day.dayNumber == number)
        }
        #expect(date("2018-01-01").isoWeekday == 1)   // lunedì
        #expect(date("2018-07-12").isoWeekday == 4)   // giovedì
        #expect(date("2018-12-31").adding(days: 1) == date("2019-01-01"))
        #expect(date("2020-02-28").adding(days: 1) == date("2020-02-29"))
    }

    @Test func closingDaysOfLucca2018() {
        #expect(lucca.closureReason(date("2018-04-02")) == "Lunedì dell'Angelo")
        #expect(lucca.closureReason(date("2018-07-12")) == "patrono: San Paolino")
        #expect(lucca.closureReason(date("2018-06-02")) == "sabato")
        #expect(lucca.closureReason(date("2018-12-26")) == "Santo Stefano")
        #expect(lucca.isWorkingDay(date("2018-07-13")))
        #expect(!WorkingDayCalendar().isWorkingDay(date("2018-11-01")))
        // Without the patron, 12 July 2018 (a Thursday) is a working day.
        #expect(WorkingDayCalendar().isWorkingDay(date("2018-07-12")))
        let closed = WorkingDayCalendar(closures: [DeclaredClosure(date: date("2018-12-24"), reason: "ponte")])
        #expect(closed.closureReason(date("2018-12-24")) == "chiusura dell'Ente: ponte")
    }

    @Test func countsAcrossHolidaysAndSuspensions() {
        // Wednesday 11 July → Friday 13 July: Thursday is San Paolino in Lucca, so 1 working day, 2 elsewhere.
        #expect(lucca.workingDays(from: date("2018-07-11"), to: date("2018-07-13")) == 1)
        #expect(WorkingDayCalendar().workingDays(from: date("2018-07-11"), to: date("2018-07-13")) == 2)
        // Thursday 29 March → Tuesday 3 April 2018: Friday 30, (Easter Monday out), Tuesday 3 → 2.
        #expect(lucca.workingDays(from: date("2018-03-29"), to: date("2018-04-03")) == 2)
        // Monday 5 → Friday 16 March with the clock stopped 7–9 March: 9 working days less 3.
        let stop = DaySpan(from: date("2018-03-07"), to: date("2018-03-09"))
        #expect(lucca.workingDays(from: date("2018-03-05"), to: date("2018-03-16")) == 9)
        #expect(lucca.workingDays(from: date("2018-03-05"), to: date("2018-03-16"), suspensions: [stop]) == 6)
        #expect(lucca.workingDays(from: date("2018-03-16"), to: date("2018-03-05")) == nil)
        #expect(lucca.workingDays(from: date("2000-01-01"), to: date("2018-03-05")) == nil)
    }

    /// A case received and closed on the same working day took 0 days («a vista»), whatever the calendar.
    @Test func sameWorkingDayIsZero() {
        var generator = SeededGenerator(seed: 2018)
        var checked = 0
        while checked < 3_000 {
            let day = CivilDate(dayNumber: Int.random(in: 730_000...740_000, using: &generator))
            let calendar = randomCalendar(&generator, around: day)
            guard calendar.isWorkingDay(day) else { continue }
            #expect(calendar.workingDays(from: day, to: day) == 0, "\(day)")
            checked += 1
        }
    }

    /// Adding a holiday (a declared closure) never makes a case longer; one inside the case, on a working day
    /// outside every suspension, makes it exactly one day shorter.
    @Test func addingAHolidayNeverIncreasesACount() {
        var generator = SeededGenerator(seed: 12_07)
        for _ in 0..<3_000 {
            let received = CivilDate(dayNumber: Int.random(in: 730_000...740_000, using: &generator))
            let closed = received.adding(days: Int.random(in: 0...120, using: &generator))
            var calendar = randomCalendar(&generator, around: received)
            var suspensions: [DaySpan] = []
            if Bool.random(using: &generator) {
                let start = received.adding(days: Int.random(in: 0...30, using: &generator))
                suspensions.append(DaySpan(from: start, to: start.adding(days: Int.random(in: 0...10, using: &generator))))
            }
            let before = calendar.workingDays(from: received, to: closed, suspensions: suspensions)!
            let holiday = received.adding(days: Int.random(in: -5...125, using: &generator))
            let counted = holiday > received && holiday <= closed && calendar.isWorkingDay(holiday)
                && !suspensions.contains { $0.contains(holiday) }
            calendar.closures.append(DeclaredClosure(date: holiday))
            let after = calendar.workingDays(from: received, to: closed, suspensions: suspensions)!
            #expect(after <= before, "\(received)…\(closed), festivo \(holiday)")
            #expect(after == before - (counted ? 1 : 0), "\(received)…\(closed), festivo \(holiday)")
        }
    }

    private func randomCalendar(_ generator: inout SeededGenerator, around day: CivilDate) -> WorkingDayCalendar {
        let patron = PatronSaint(name: "Patrono", month: Int.random(in: 1...12, using: &generator),
                                 day: Int.random(in: 1...28, using: &generator))
        let closures = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
            DeclaredClosure(date: day.adding(days: Int.random(in: -10...60, using: &generator)))
        }
        return WorkingDayCalendar(patronSaint: Bool.random(using: &generator) ? patron : nil, closures: closures)
    }
}
