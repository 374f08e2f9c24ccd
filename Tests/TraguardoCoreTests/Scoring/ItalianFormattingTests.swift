import Foundation
import Testing
@testable import TraguardoCore

@Suite("Formati italiani")
struct ItalianFormattingTests {
    @Test func thousandsAndDecimals() {
        #expect(ItalianFormatting.number(1_418_965, fractionDigits: 2) == "1.418.965,00")
        #expect(ItalianFormatting.number(.d("68.49")) == "68,49")
        #expect(ItalianFormatting.number(.d("68.4975")) == "68,4975")
        #expect(ItalianFormatting.number(.d("-462160.71")) == "-462.160,71")
        #expect(ItalianFormatting.number(0) == "0")
        #expect(ItalianFormatting.number(999) == "999")
        #expect(ItalianFormatting.number(1000) == "1.000")
        #expect(ItalianFormatting.euro(.d("1418965")) == "1.418.965,00 €")
    }

    @Test func percentagesRoundExplicitly() {
        #expect(ItalianFormatting.percent(Decimal(3572) / 36, fractionDigits: 2) == "99,22%")
        #expect(ItalianFormatting.percent(.d("99.65")) == "99,65%")
        #expect(ItalianFormatting.number(.d("68.4975"), fractionDigits: 2, rounding: .truncate) == "68,49")
        #expect(ItalianFormatting.number(.d("68.4975"), fractionDigits: 2) == "68,50")
        // −11,79 shown with one decimal (seed 000, righe 764–769)
        #expect(ItalianFormatting.number(.d("-11.7879"), fractionDigits: 1) == "-11,8")
        #expect(ItalianFormatting.number(.d("-0.001"), fractionDigits: 2) == "0,00")
    }

    @Test func scoresAsPrinted() {
        #expect(ItalianFormatting.score(100, digits: 2) == "100")
        #expect(ItalianFormatting.score(.d("99.2"), digits: 2) == "99,20")
        #expect(ItalianFormatting.score(.d("68.49"), digits: 2) == "68,49")
    }

    @Test func dates() {
        #expect(ItalianFormatting.date(day(2019, 12, 31)) == "31/12/2019")
        #expect(ItalianFormatting.date(day(2013, 3, 7)) == "07/03/2013")
    }
}

@Suite("Arrotondamenti")
struct RoundingTests {
    @Test func everyMode() {
        let x = Decimal.d("68.4975")
        #expect(x.rounded(.halfUp, digits: 2) == .d("68.5"))
        #expect(x.rounded(.truncate, digits: 2) == .d("68.49"))
        #expect(x.rounded(.halfEven, digits: 2) == .d("68.5"))
        #expect(x.rounded(.none, digits: 2) == x)
        #expect(Decimal.d("0.125").rounded(.halfEven, digits: 2) == .d("0.12"))
        #expect(Decimal.d("0.135").rounded(.halfEven, digits: 2) == .d("0.14"))
        #expect(Decimal.d("0.125").rounded(.halfUp, digits: 2) == .d("0.13"))
        #expect(Decimal.d("91.6666").rounded(.truncate, digits: 0) == 91)
        #expect(Decimal.d("71.79").rounded(.halfUp, digits: 0) == 72)
        #expect(Decimal.d("-1.239").rounded(.truncate, digits: 2) == .d("-1.23"))
        #expect(Decimal.d("-2.5").rounded(.halfUp, digits: 0) == -3)
        #expect(Decimal.d("49.41").rounded(.halfUp, digits: 1) == .d("49.4"))
    }

    @Test func stepNames() {
        #expect(RoundingMode.truncate.stepName(digits: 2) == "tronca a 2 decimali")
        #expect(RoundingMode.halfUp.stepName(digits: 0) == "arrotonda all'intero")
        #expect(RoundingMode.halfEven.stepName(digits: 1) == "arrotonda al pari a 1 decimale")
        #expect(RoundingMode.none.stepName(digits: 2) == nil)
    }
}
