import Foundation
import Testing
import TraguardoTestSupport

/// `OffPool`, through which `CommandLineRunner.run` and `Python.runOnOwnThread` wait for a child process: the
/// wait holds a thread of its own, never one of the cooperative threads (one per core) that the other tests and
/// a live server under test need.
@Suite("Attese dei processi figli fuori dai thread cooperativi")
struct OffPoolTests {
    /// More blocked waits than the machine has cores, released only by a task that needs a cooperative thread:
    /// had the waits held cooperative threads, that task could never run and the test would hang to its limit.
    @Test(.timeLimit(.minutes(1)))
    func moreWaitsThanCoresLeaveTheCooperativeThreadsFree() async throws {
        let waits = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = DispatchSemaphore(value: 0)
        let released = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<waits {
                group.addTask { try await OffPool.run { gate.wait(); return true } }
            }
            group.addTask {
                await Task.yield()
                for _ in 0..<waits { gate.signal() }
                return false
            }
            var count = 0
            for try await wasWait in group where wasWait { count += 1 }
            return count
        }
        #expect(released == waits)
    }

    @Test func aCommandStillReportsWhatItPrinted() async throws {
        let result = try await CommandLineRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("traguardo"), "\(result)")
    }
}
