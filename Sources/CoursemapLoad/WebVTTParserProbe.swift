import CoursemapModel

/// Test access to the WebVTT reader, which the loader otherwise uses only on files it discovers.
public enum WebVTTParserProbe {
    public static func parse(_ text: String, file: String = "c.vtt") -> (cues: [CaptionFile.Cue], problems: [Diagnostic]) {
        let (captions, problems) = WebVTTParser.parse(text, file: file)
        return (captions.cues, problems)
    }
}
