import Foundation
import Testing
@testable import TraguardoCore

/// The numbers are read by hand (a regex built per call was half of a sheet import's time): the hand reader
/// must accept exactly what the patterns accept.
@Suite struct ItalianNumberHandReadingTests {
    static let italian = [
        "12", "-3", "0", "1.418.965,00", "1418965,00", "68,4975", "1.234", "12.345.678", "1.2345", "1234.567",
        "12,", ",5", "-", "", "1.23", "1..234", "1.234,", "1.234,5", "--1", "1,2,3", "1.234.56", "001", "1 234",
        "١٢", "12a", "a12", "-1.000,5", ".123", "123.", "1.000.000", "99,22",
    ]
    static let machine = ["98.99", "-3", "1418965.00", "1e5", "1E-5", "1.5e+3", "1.", ".5", "e5", "1e", "-", "", "+1", "1.2.3", "12a"]

    @Test func italianReaderAcceptsWhatThePatternAccepts() {
        for text in Self.italian {
            let byPattern = text.wholeMatch(of: /-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?/) != nil
            let byHand = ItalianNumber.machineText(ofItalian: text)
            #expect((byHand != nil) == byPattern, "«\(text)»")
            if byPattern {
                #expect(byHand == text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
            }
        }
    }

    /// The shortcut of `trimmed` (ends that are visible ASCII) trims exactly as Foundation does.
    @Test func trimmingTakesTheShortcutOnlyWhenNothingIsAroundTheText() {
        let texts = ["79,16", " 79,16", "79,16 ", "\t79,16\n", "\u{00A0}79,16\u{00A0}", "«N.C.»", "città", "a b", "", " ", "\r\n",
                     "x\u{2028}", "\u{3000}€ 15.000,00", "n.c.", "-1.000,5%"]
        for text in texts {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "«\(text)»")
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "«\(text)»")
        }
        #expect(ItalianNumber.parse("\u{00A0}79,16 %") == Decimal(string: "79.16"))
    }

    /// The shortcut for values written with digits, dots, commas and signs only reads them as `parse` does, and
    /// leaves to the full reader what is not such a number (dates with dots or dashes, stray signs).
    @Test func plainShortcutReadsAsTheFullReader() throws {
        let texts = Self.italian + ["+5", "+-5", "++5", "+", "-+5", "31.12.2019", "31-12-2019", "2019-12-31", "1.234,5", "+1.000,25"]
        var taken = 0
        for text in texts {
            guard let plain = ItalianNumber.parsePlain(text) else { continue }
            taken += 1
            #expect(plain == ItalianNumber.parse(text), "«\(text)»")
            #expect(try ItalianValue.parse(text) == .number(plain, unit: nil), "«\(text)»")
        }
        #expect(taken > 10)
        #expect(ItalianNumber.parsePlain("31.12.2019") == nil)
        #expect(try ItalianValue.parse("31.12.2019") == .date(CivilDate(year: 2019, month: 12, day: 31)))
        #expect(try ItalianValue.parse("31-12-2019") == .date(CivilDate(year: 2019, month: 12, day: 31)))
        #expect(try ItalianValue.parse("+1.000,25") == .number(Decimal(string: "1000.25")!, unit: nil))
        #expect(ItalianNumber.parsePlain("79,16 %") == nil)
        #expect(try ItalianValue.parse("79,16 %") == .number(Decimal(string: "79.16")!, unit: .percent))
    }

    @Test func machineReaderAcceptsWhatThePatternAccepts() {
        for text in Self.machine {
            let byPattern = text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil
            #expect(ItalianNumber.isMachineNumber(text) == byPattern, "«\(text)»")
        }
    }

    @Test func valuesReadAsBefore() throws {
        #expect(ItalianNumber.parse("€ 15.000,00") == Decimal(15000))
        #expect(ItalianNumber.parse("4,2 gg") == Decimal(string: "4.2"))
        #expect(ItalianNumber.parse("1.2345") == nil)
        #expect(try EnteredValue.parse("43/47", year: nil) == .ratio(43, 47))
        #expect(try EnteredValue.parse(" 43 / 47 ", year: nil) == .ratio(43, 47))
        #expect(try EnteredValue.parse("31/12/2019", year: nil) == .value(.date(CivilDate(year: 2019, month: 12, day: 31))))
        #expect(throws: ItalianValueError.self) { try EnteredValue.parse("3/0", year: nil) }
    }
}
