import FuzzSupport

/// The input is a transcript time code: read directly, and as the body of a lecture (each line a
/// paragraph opening with `[line]`, then the input itself) loaded in a content tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data else { return 0 }
    let text = FuzzContent.text(data, count)
    TimeInvariants.timeCode(text)
    let body = text.split(separator: "\n").prefix(64).map { "[\($0)] 文字" }.joined(separator: "\n\n")
    FuzzContent.run(files: ["lectures/l.md": FuzzContent.lecture(duration: "99:00:00", transcript: body + "\n\n" + text)])
    return 0
}

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzTimeCode_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
