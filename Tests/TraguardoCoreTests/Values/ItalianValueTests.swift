import Foundation
import Testing
@testable import TraguardoCore

@Suite("Valori come li scrivono gli uffici")
struct ItalianValueTests {
    @Test(arguments: [
        ("1.418.965,00", ItalianValue.number(.d("1418965"), unit: nil)),
        ("99,22%", .number(.d("99.22"), unit: .percent)),
        ("4,2 gg", .number(.d("4.2"), unit: .days)),
        ("30 gg.", .number(30, unit: .days)),
        ("€ 15.000,00", .number(15000, unit: .euro)),
        ("-42,79", .number(.d("-42.79"), unit: nil)),
        ("a vista", .atSight),
        ("A  Vista", .atSight),
        ("N.C.", .notComputable),
        ("n.c.", .notComputable),
        ("31/12/2019", .date(day(2019, 12, 31))),
        ("7.3.2013", .date(day(2013, 3, 7))),
        ("2019-12-31", .date(day(2019, 12, 31))),
        ("7 marzo 2013", .date(day(2013, 3, 7))),
        ("7 marzo", .date(day(2013, 3, 7))),
        ("entro aprile 2013", .deadline(day(2013, 4, 30), text: "entro aprile 2013")),
        ("entro febbraio", .deadline(day(2013, 2, 28), text: "entro febbraio")),
        ("entro il 31/12/2013", .deadline(day(2013, 12, 31), text: "entro il 31/12/2013")),
        ("sì", .done(true)),
        ("non realizzato", .done(false)),
    ])
    func reads(_ text: String, _ expected: ItalianValue) throws {
        #expect(try ItalianValue.parse(text, year: 2013) == expected)
    }

    @Test func aVistaIsZeroDays() throws {
        #expect(try ItalianValue.parse("a vista").days == 0)
        #expect(try ItalianValue.parse("4,2 gg").days == .d("4.2"))
        #expect(try ItalianValue.parse("99%").days == nil)
    }

    @Test(arguments: ["", "boh", "1,2,3", "31/02/2019", "12.34", "7 marzo", "entro poi", "#RIF!", "#DIV/0!", "#N/D", "1.2345,6"])
    func refusesWhatItCannotRead(_ text: String) {
        // Never a silent 0: «12.34» is neither Italian (12,34) nor a thousands group; «7 marzo» needs a year.
        #expect(throws: ItalianValueError.self) { try ItalianValue.parse(text) }
    }

    @Test func spreadsheetErrorsAreNamedAsSuch() {
        #expect(throws: ItalianValueError(found: "#RIF!", reason: "è un errore del foglio di calcolo (#RIF!): la formula non ha un risultato")) {
            try ItalianValue.parse("#RIF!")
        }
        let error = #expect(throws: ItalianValueError.self) { try ItalianValue.parse("tanto") }
        #expect(error?.description.hasPrefix("valore «tanto» non leggibile: atteso un numero") == true)
    }
}
