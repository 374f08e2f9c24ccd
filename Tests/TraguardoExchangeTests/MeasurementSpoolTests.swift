import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The temporary spool of an import gives back every field of every measurement exactly as it was added (texts
/// with newlines, quotes and accents, decimals with many digits, never through a `Double`), with its sheet, Ente
/// and year, in order, across the file's read chunks.
@Suite struct MeasurementSpoolTests {
    private func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// A measurement with every field set.
    private func full(_ index: Int) -> TraguardoCore.Measurement {
        TraguardoCore.Measurement(
            id: "M\(index)", itemID: "A1/I\(index)/1", periodID: "T\(index % 4 + 1)",
            value: decimal("12345678901234567890123456789012345.678"), date: CivilDate(year: 2024, month: 2, day: 29),
            done: index % 2 == 0, numerator: decimal("-0.000000000000000000000000000000000001"),
            denominator: decimal("0.1"), text: "riga 1\nriga 2\t«virgolette» \"doppie\" \\ barra",
            notComputableReason: nil, justifiedDeviation: true,
            justificationNote: "Scostamento dovuto all'emergenza; città, perché, 数字, 🙂\r\n",
            override: ScoreOverride(score: decimal("87.5"), reason: "deroga\nmotivata", approvedBy: "O.I.V."),
            narrative: "", evidence: ["delibera n. 12/2024", "", "verbale\u{0}nul"], author: "mario.rossi",
            recordedAt: Date(timeIntervalSinceReferenceDate: 757_382_400.123_456_789),
            provenance: Provenance(source: "scheda-T1.csv", lines: "riga \(index + 8)"),
            series: [YearValue(year: 2010, value: decimal("258.5")), YearValue(year: 2011, value: decimal("-3E-20"))])
    }

    /// A not-computable row, with only what an import of an N.C. row sets.
    private func notComputable(_ index: Int) -> TraguardoCore.Measurement {
        TraguardoCore.Measurement(
            id: "N\(index)", itemID: "B2/I\(index)/1", periodID: "ANNO", notComputableReason: "dato non disponibile: «N.C.»",
            justificationNote: "nota su\npiù righe; \"citata\"", author: nil,
            provenance: Provenance(source: "scheda-ANNO.csv"))
    }

    @Test func everyFieldComesBackExactly() async throws {
        let spool = try MeasurementSpool()
        defer { spool.discard() }
        var added: [(file: Int, entity: String, year: Int, measurement: TraguardoCore.Measurement)] = []
        // Enough rows for several read chunks (1 MB each), in three sheets of two Enti.
        for index in 0..<12_000 {
            let file = index < 5_000 ? 0 : index < 9_000 ? 1 : 2
            let entity = file == 1 ? "lucca" : "agrigento-è"
            let year = file == 2 ? 2019 : 2018
            let measurement = index % 3 == 0 ? notComputable(index) : full(index)
            try spool.append(measurement, entity: entity, year: year, file: file)
            added.append((file, entity, year, measurement))
        }
        try spool.close()
        #expect(spool.count == added.count)

        var read: [MeasurementSpool.Entry] = []
        try await spool.forEachBatch(size: 777) { batch in
            #expect(batch.count <= 777)
            read += batch
        }
        try #require(read.count == added.count)
        for (entry, expected) in zip(read, added) {
            #expect(entry.file == expected.file)
            #expect(entry.entity == expected.entity)
            #expect(entry.year == expected.year)
            #expect(entry.measurement == expected.measurement)
            // Exact, digit for digit (equality of decimals alone would accept another spelling of the same value).
            let m = entry.measurement, e = expected.measurement
            #expect(m.value?.description == e.value?.description)
            #expect(m.numerator?.description == e.numerator?.description)
            #expect(m.denominator?.description == e.denominator?.description)
            #expect(m.series?.map(\.value.description) == e.series?.map(\.value.description))
            #expect(m.recordedAt?.timeIntervalSinceReferenceDate.bitPattern == e.recordedAt?.timeIntervalSinceReferenceDate.bitPattern)
        }
        #expect(read[1].measurement.value?.description == "12345678901234567890123456789012345.678")
        #expect(read[0].measurement.notComputableReason == "dato non disponibile: «N.C.»")
        #expect(read[1].measurement.justificationNote == "Scostamento dovuto all'emergenza; città, perché, 数字, 🙂\r\n")
    }

    /// The groups the store writes: runs of one sheet, with its Ente and year, never mixing two sheets.
    @Test func groupsFollowTheSheets() async throws {
        let spool = try MeasurementSpool()
        defer { spool.discard() }
        for index in 0..<10 { try spool.append(full(index), entity: "lucca", year: 2018, file: index < 4 ? 0 : 1) }
        try spool.append(notComputable(10), entity: "pisa", year: 2020, file: 2)
        try spool.close()
        var groups: [(String, Int, Int, [String])] = []
        var progress: [Int] = []
        try await spool.forEachGroup(size: 6, { entity, year, file, measurements in
            groups.append((entity, year, file, measurements.map(\.id)))
        }, done: { done, total in
            #expect(total == 11)
            progress.append(done)
        })
        #expect(groups.map(\.2) == [0, 1, 1, 2])
        #expect(groups.map(\.3) == [["M0", "M1", "M2", "M3"], ["M4", "M5"], ["M6", "M7", "M8", "M9"], ["N10"]])
        #expect(groups.last?.0 == "pisa" && groups.last?.1 == 2020)
        #expect(progress == [6, 11])
    }
}
