import Foundation
import Testing
import TraguardoCore
@testable import TraguardoExchange
import TraguardoTestSupport

/// Plan files written to hurt: aliases that expand to billions of values, nesting without end, more values than
/// any plan has. Each is refused before it is composed, with an Italian error naming file and line.
@Suite("File piano ostili: alias, annidamento, dimensioni")
struct PlanFileHostileInputTests {
    static let head = "formato: traguardo/1\nente: {codice: prova, nome: Camera di prova}\nanno: 2024\n"

    func errors(_ text: String, name: String = "piano.yaml") -> [PlanFileError] {
        do {
            _ = try PlanFileReader.read(texts: [(name: name, text: text)])
            return []
        } catch {
            return error.errors
        }
    }

    @Test func anAliasBombIsRefusedAtItsFirstAnchor() {
        // Three levels (a thousand values) are enough to tell: the old reader expanded them into the rules.
        for levels in [3, 9] {
            let found = errors(HostileInputs.aliasBomb(after: Self.head, levels: levels))
            #expect(found.count == 1, "\(found)")
            #expect(found.first?.line == 6)
            #expect(found.first?.description.hasPrefix("piano.yaml, riga 6: ancora «&a0» non ammessa nei file piano") == true, "\(found)")
        }
    }

    @Test func aliasesAsKeysAreRefusedToo() {
        // Keys that are aliases cost the composer a hash of the whole expansion for every mapping.
        let text = "a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
            + (1...11).map { "a\($0): {? *a\($0 - 1) : 1, ? [*a\($0 - 1)] : 2}\n" }.joined()
        let found = errors(text)
        #expect(found.map(\.line) == [1], "\(found)")
        #expect(found.first?.message.contains("ancora «&a0»") == true)
    }

    @Test func anAliasWithoutAnAnchorInTheSameFileIsRefusedByName() {
        let found = errors(Self.head + "periodi: *trimestri\n")
        #expect(found.first?.line == 4, "\(found)")
        #expect(found.first?.message.hasPrefix("alias «*trimestri» non ammesso nei file piano") == true, "\(found)")
    }

    @Test func nestingDeeperThanTheBudgetIsRefused() {
        let depth = PlanFileLimits.maxDepth + 1
        let flow = errors(Self.head + "albero: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        #expect(flow.first?.line == 4, "\(flow)")
        #expect(flow.first?.message.hasPrefix("più di \(PlanFileLimits.maxDepth) livelli di elenchi") == true, "\(flow)")
        // Block sequences, one level more on each line.
        let block = errors("albero:\n" + (0..<depth).map { String(repeating: " ", count: $0) + "-\n" }.joined())
        #expect(block.first?.message.hasPrefix("più di \(PlanFileLimits.maxDepth) livelli") == true, "\(block)")
        // 100,000 levels: the parser stops on its own limit, and says so in Italian with the place.
        let deep = errors("albero: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(deep.count == 1)
        #expect(deep.first?.line == 1)
        #expect(deep.first?.message.hasPrefix("sintassi YAML/JSON non valida, colonna ") == true, "\(deep)")
        #expect(deep.first?.message.contains("troppi livelli") == true, "\(deep)")
    }

    @Test func theNodeBudgetCountsEveryValue() {
        let text = "valori: [" + Array(repeating: "0", count: 60).joined(separator: ", ") + "]\n"
        #expect(PlanFileLimits.problem(in: text, file: "piano.yaml", maxNodes: 63) == nil)  // mapping, key, list, 60 values
        let refused = PlanFileLimits.problem(in: text, file: "piano.yaml", maxNodes: 62)
        #expect(refused?.line == 1)
        #expect(refused?.message.hasPrefix("il file ha più di 62 valori") == true, "\(String(describing: refused))")
    }

    @Test func aFileLargerThanTheLimitIsNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-grande-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("piano.yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(PlanFileLimits.maxBytes + 1))  // sparse: no disk used
        try handle.close()
        do {
            _ = try PlanFileReader.read(paths: [file.path])
            Issue.record("letto un file oltre il limite")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.message.contains("oltre il limite di 64 MB") == true, "\(error)")
        }
    }

    @Test func examplesStayWithinEveryBudget() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let folders = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { !$0.hasPrefix(".") }
        #expect(!folders.isEmpty)
        for folder in folders {
            let path = examples.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: path.path) where name.hasSuffix(".yaml") {
                let text = try String(contentsOf: path.appendingPathComponent(name), encoding: .utf8)
                #expect(PlanFileLimits.problem(in: text, file: name) == nil, "\(folder)/\(name)")
            }
        }
    }
}
