import FuzzSupport

/// The input is a lecture duration: read directly (its value checked against the bounds) and as the
/// `duration:` of a lecture loaded in a content tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data else { return 0 }
    let text = FuzzContent.text(data, count)
    TimeInvariants.duration(text)
    FuzzContent.run(files: ["lectures/l.md": FuzzContent.lecture(duration: text, transcript: "[0:01] 开始")])
    return 0
}

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzDuration_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
