import FuzzSupport

/// The input is a WebVTT timestamp: read directly, and as the ends of cues of a lecture's caption file
/// loaded in a content tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data else { return 0 }
    let text = FuzzContent.text(data, count)
    TimeInvariants.captionTimestamp(text)
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    FuzzContent.run(files: [
        "lectures/l.md": FuzzContent.lecture(duration: "1:00:00", transcript: "文字", captions: "lectures/l.vtt"),
        "lectures/l.vtt": "WEBVTT\n\n00:00.000 --> \(line)\n一\n\n\(line) --> \(line)\n二\n",
    ])
    return 0
}

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzVTTTimestamp_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
