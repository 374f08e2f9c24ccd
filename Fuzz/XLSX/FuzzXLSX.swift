import Foundation
import TraguardoFuzzing

/// `fuzz-xlsx`: an XLSX workbook (`FuzzTargets.xlsx`).
@main
enum FuzzXLSX {
    static func main() { FuzzEntry.main(FuzzTargets.xlsx) }
}

#if FUZZING
/// What libFuzzer calls with each input, whichever `main` the linker kept (its own or `FuzzEntry.main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.xlsx(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif
