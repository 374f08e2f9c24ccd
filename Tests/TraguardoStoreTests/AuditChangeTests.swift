import Testing
@testable import TraguardoStore

/// The registro keeps only the fields an update changed, each exactly as it was stored.
@Suite struct AuditChangeTests {
    @Test func onlyChangedFieldsAreKeptAsWritten() {
        let before = #"{"a":1,"b":"x, {y}: \"z\"","c":[1,{"d":2}],"e":12345678901234567890.123,"f":true}"#
        let after = #"{"a":1,"b":"x, {y}: \"z\"","c":[1,{"d":3}],"e":12345678901234567890.124,"g":null}"#
        let change = AuditChange.compact(before: before, after: after)
        #expect(change.before == #"{"c":[1,{"d":2}],"e":12345678901234567890.123,"f":true}"#)
        #expect(change.after == #"{"c":[1,{"d":3}],"e":12345678901234567890.124,"g":null}"#)
    }

    @Test func whatIsNotAnObjectIsKeptWhole() {
        #expect(AuditChange.compact(before: "[1]", after: "{\"a\":1}") == (before: "[1]", after: "{\"a\":1}"))
        #expect(AuditChange.fields(of: "{\"a\":") == nil)
        #expect(AuditChange.fields(of: " { } ")?.isEmpty == true)
    }
}
