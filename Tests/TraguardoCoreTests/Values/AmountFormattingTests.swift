import Foundation
import Testing
@testable import TraguardoCore

/// Amounts print with their cents wherever a person reads them: explanations, documents, findings.
@Suite("Importi con i centesimi")
struct AmountFormattingTests {
    @Test func amountsKeepTheirCents() {
        #expect(ItalianFormatting.amount(Decimal(string: "-391296.9")!) == "-391.296,90")
        #expect(ItalianFormatting.amount(3_920_649) == "3.920.649,00")
        #expect(ItalianFormatting.quantity(Decimal(string: "-391296.9")!, unit: "€") == "-391.296,90")
        #expect(ItalianFormatting.quantity(Decimal(string: "12.5")!, unit: "%") == "12,5")
        #expect(Formula.quantity(Decimal(string: "1.5")!, unit: "migliaia di euro").text == "1,50")
    }

    /// The change from base of an amount (Lucca 2018, 3A target 2, unit €) explains itself in euro and cents.
    @Test func aChangeFromBaseInEuroIsExplainedWithCents() {
        var input = RuleInput(rule: .changeFromBase, value: Decimal(string: "3458488.29")!)
        input.baselineValue = 3_920_649
        input.baselineYear = 2014
        input.targetValue = 0
        input.comparator = .lessThan
        input.unit = "€"
        let outcome = ItemRules.changeFromBase(input, MethodologyPresets.standard)
        #expect(outcome.formula.text == "soglia raggiunta(3.458.488,29 − 3.920.649,00 < 0,00)")
        #expect(outcome.details.contains { $0.hasPrefix("variazione -462.160,71 (") })
        input.unit = "n."
        #expect(ItemRules.changeFromBase(input, MethodologyPresets.standard).formula.text == "soglia raggiunta(3.458.488,29 − 3.920.649 < 0)")
    }
}
