import Foundation
import Testing
import TraguardoCore

/// One rule for a date written in figures (plan files, case registers, typed values): `CivilDate(written:)`.
@Suite("Date scritte in cifre: una sola regola")
struct CivilDateWrittenTests {
    @Test(arguments: ["2018-12-31", "31/12/2018", "31.12.2018", "31-12-2018", "31/12/18", " 31/12/2018 "])
    func everyFormReadsTheSameDay(text: String) {
        #expect(CivilDate(written: text) == CivilDate(year: 2018, month: 12, day: 31))
    }

    @Test(arguments: ["31/02/2018", "2018-13-01", "31/12", "31/12/218", "oggi", "", "٣١/١٢/٢٠١٨", "３１/１２/２０１８"])
    func whatIsNotADayIsNil(text: String) {
        #expect(CivilDate(written: text) == nil)
    }

    /// Digits of other scripts matched `\d` and were then forced through `Int(_:)`: a typed value must be
    /// refused with a message, never stop the program.
    @Test func digitsOfOtherScriptsAreRefusedNotACrash() {
        #expect(throws: ItalianValueError.self) { try ItalianValue.parse("٣١/١٢/٢٠١٨") }
        #expect(throws: ItalianValueError.self) { try ItalianValue.parse("entro il ٣١/١٢/٢٠١٨") }
    }
}
