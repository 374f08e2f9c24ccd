import Foundation
import TraguardoFuzzing

/// `fuzz-csv`: a CSV sheet (`FuzzTargets.csv`).
@main
enum FuzzCSV {
    static func main() { FuzzEntry.main(FuzzTargets.csv) }
}

#if FUZZING
/// What libFuzzer calls with each input, whichever `main` the linker kept (its own or `FuzzEntry.main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.csv(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif
