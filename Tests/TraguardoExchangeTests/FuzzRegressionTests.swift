import Foundation
import Testing
import TraguardoFuzzing

/// Every input the fuzzers (`scripts/fuzz`) or the trials found harmful, kept in `FuzzRegressions/TARGET/` and
/// read again through the fuzz target's own function: a crash, a failed check (an English parser message, a
/// syntax error without its line) or a hang here is the finding come back.
@Suite("Reperti del fuzzing: ognuno si rilegge senza arresti")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static var inputs: [String] {
        FuzzTargets.all.keys.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func everyTargetHasItsFolderAndTheFoldersHoldFindings() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(FuzzTargets.all.keys), "cartelle: \(folders.sorted())")
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs)
    func eachFindingIsReadWithoutCrashing(_ input: String) throws {
        let target = try #require(FuzzTargets.all[String(input.prefix { $0 != "/" })])
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(input))
        target(data)
    }
}
