import Foundation
import Testing
@testable import TraguardoCore

/// The hand-written JSON of a measurement is the text `JSONEncoder` writes (sorted keys, slashes as is), so
/// records written either way compare equal as text, and `JSONDecoder` reads it back to the same measurement.
@Suite struct MeasurementJSONTests {
    static let texts = ["80,5", "a\"b\\c/d", "riga\nnuova\ttab\r\u{8}\u{c}\u{1}\u{1f}\u{7f}", "è € 😀 \u{2028}", ""]
    static let decimals = ["0", "-0.5", "1418965.00", "80.5", "12345678901234567890.123", "1e3", "-3", "0.0001"]
    static let times: [Double] = [817_000_000, 817_000_000.123, 1e-7, 1e22, -0.0, 123_456_789.123_456_78, -978_307_200]

    static func samples() -> [TraguardoCore.Measurement] {
        var result: [TraguardoCore.Measurement] = []
        for (i, d) in decimals.enumerated() {
            let value = Decimal(string: d)!
            let text = texts[i % texts.count]
            let time = times[i % times.count]
            result.append(TraguardoCore.Measurement(id: "A1/I\(i)/1@T1", itemID: "A1/I\(i)/1", periodID: "bench/2024/T1", value: value))
            result.append(TraguardoCore.Measurement(
                id: "x/\(text)@P", itemID: text, periodID: "p", value: i % 2 == 0 ? value : nil,
                date: CivilDate(year: 2013, month: 11, day: 18), done: i % 3 == 0, numerator: value, denominator: 47,
                text: text, notComputableReason: i % 2 == 1 ? text : nil, justifiedDeviation: i % 2 == 0,
                justificationNote: text, override: ScoreOverride(score: value, reason: text, approvedBy: "OIV"),
                narrative: text, evidence: [text, "protocollo 1/2014"], author: text,
                recordedAt: Date(timeIntervalSinceReferenceDate: time),
                provenance: Provenance(source: "scheda-\(text).csv", lines: i % 2 == 0 ? "\(i + 8)" : nil),
                series: [YearValue(year: 2010, value: value), YearValue(year: 2011, value: 258)]))
        }
        return result
    }

    @Test func sameTextAsJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for m in Self.samples() {
            let expected = String(decoding: try encoder.encode(m), as: UTF8.self)
            #expect(MeasurementJSON.encode(m) == expected)
        }
    }

    @Test func readsBackTheSameMeasurement() throws {
        for m in Self.samples() {
            let back = try JSONDecoder().decode(TraguardoCore.Measurement.self, from: Data(MeasurementJSON.encode(m).utf8))
            #expect(back == m)
        }
    }
}

extension MeasurementJSONTests {
    /// The hand reader reads what the encoder wrote to the same measurement, or declines (override, series)
    /// and leaves it to `JSONDecoder`; it never reads a different measurement.
    @Test func handReaderReadsTheSameMeasurementOrDeclines() throws {
        for m in Self.samples() {
            let text = MeasurementJSON.encode(m)
            if let read = MeasurementJSON.decode(text) {
                #expect(read == m)
                #expect(m.override == nil && m.series == nil)
            } else {
                #expect(m.override != nil || m.series != nil)
            }
            var plain = m
            plain.override = nil
            plain.series = nil
            #expect(MeasurementJSON.decode(MeasurementJSON.encode(plain)) == plain)
        }
        #expect(MeasurementJSON.decode(#"{"id":"a","itemID":"b","periodID":"c","justifiedDeviation":false}"#) == nil, "evidence is required")
        #expect(MeasurementJSON.decode(#"{"evidence":["x\u00e8\ud83d\ude00"],"id":"a","itemID":"b","justifiedDeviation":false,"periodID":"c","value":"1"}"#) == nil)
        let escaped = MeasurementJSON.decode(#"{"evidence":["x\u00e8\ud83d\ude00\/"],"id":"a","itemID":"b","justifiedDeviation":false,"periodID":"c"}"#)
        #expect(escaped?.evidence == ["xè😀/"])
    }
}
