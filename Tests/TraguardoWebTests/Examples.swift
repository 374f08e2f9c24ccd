import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The example datasets of the repository, read with the plan-file reader.
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func plan(_ folder: String, entity: String = "lucca") throws -> CyclePlan {
        let plans = try PlanFileReader.read(paths: [root.appendingPathComponent(folder).path])
        return try #require(plans.first { $0.entity.code == entity })
    }
}
