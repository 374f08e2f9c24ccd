import Foundation
import TraguardoFuzzing

/// `fuzz-plan-file`: a plan file (YAML or JSON) (`FuzzTargets.planFile`).
@main
enum FuzzPlanFile {
    static func main() { FuzzEntry.main(FuzzTargets.planFile) }
}

#if FUZZING
/// What libFuzzer calls with each input, whichever `main` the linker kept (its own or `FuzzEntry.main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.planFile(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif
