import CoursemapModel

/// Reads WebVTT caption files: the `WEBVTT` header, then cues of a timing line
/// (`00:01.000 --> 00:04.000`, hours optional) and text lines. Reports what players would trip over:
/// a missing header, malformed timings, a cue that ends before it starts, cues out of order.
enum WebVTTParser {
    static func parse(_ text: String, file: String) -> (CaptionFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.first, header == "WEBVTT" || header.hasPrefix("WEBVTT ") || header.hasPrefix("WEBVTT\t") else {
            diagnostics.append(.error(.invalidCaptions, at: SourceLocation(file: file, line: 1, column: 1), "a WebVTT file must start with a line 'WEBVTT'"))
            return (CaptionFile(path: file, cues: []), diagnostics)
        }
        var cues: [CaptionFile.Cue] = []
        var index = 1
        // Skip the header block (up to the first blank line).
        while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        while index < lines.count {
            // A block: optional identifier, a timing line, payload lines; blocks are separated by blank lines.
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
            guard index < lines.count else { break }
            var blockStart = index
            if lines[index].hasPrefix("NOTE") || lines[index].hasPrefix("STYLE") || lines[index].hasPrefix("REGION") {
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
                continue
            }
            if !lines[index].contains("-->") { index += 1 }  // a cue identifier
            guard index < lines.count, lines[index].contains("-->") else {
                diagnostics.append(.error(.invalidCaptions, at: SourceLocation(file: file, line: blockStart + 1, column: 1), "expected a cue timing line 'start --> end'"))
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
                continue
            }
            blockStart = index
            let timing = lines[index]
            index += 1
            var payload: [String] = []
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                payload.append(lines[index])
                index += 1
            }
            let parts = timing.components(separatedBy: "-->")
            let startText = parts[0].trimmingCharacters(in: .whitespaces)
            let endText = parts.count > 1 ? (parts[1].split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? "") : ""
            guard parts.count == 2, let start = timestamp(startText), let end = timestamp(endText) else {
                diagnostics.append(.error(
                    .invalidCaptions, at: SourceLocation(file: file, line: blockStart + 1, column: 1),
                    "malformed cue timing '\(timing)'; write mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt"))
                continue
            }
            let location = SourceLocation(file: file, line: blockStart + 1, column: 1)
            if end <= start {
                diagnostics.append(.error(.invalidCaptions, at: location, "cue ends (\(endText)) before it starts (\(startText))"))
            } else if let previous = cues.last, start < previous.start {
                diagnostics.append(.error(.invalidCaptions, at: location, "cue starts at \(startText), before the previous cue (line \(previous.line)); cues must be in time order"))
            }
            cues.append(CaptionFile.Cue(start: start, end: end, text: payload.joined(separator: "\n"), line: blockStart + 1))
        }
        if cues.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.warning(.invalidCaptions, at: SourceLocation(file: file, line: 1, column: 1), "the caption file has no cues"))
        }
        return (CaptionFile(path: file, cues: cues), diagnostics)
    }

    /// `mm:ss.ttt` or `hh:mm:ss.ttt` in seconds; `nil` when malformed.
    static func timestamp(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let secondsPart = parts.last!.split(separator: ".", omittingEmptySubsequences: false)
        guard secondsPart.count == 2, secondsPart[0].count == 2, secondsPart[1].count == 3,
            let seconds = Int(secondsPart[0]), let millis = Int(secondsPart[1]), seconds < 60,
            let minutes = Int(parts[parts.count - 2]), parts[parts.count - 2].count == 2, minutes < 60
        else { return nil }
        var hours = 0
        if parts.count == 3 {
            guard parts[0].count >= 2, let value = Int(parts[0]) else { return nil }
            hours = value
        }
        return Double(hours * 3600 + minutes * 60 + seconds) + Double(millis) / 1000
    }
}

/// Durations written by people: `3:40`, `1:02:05`, or plain seconds.
enum Duration {
    static func parse(_ text: String) -> Double? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return Double(parts[0]).flatMap { $0 > 0 ? $0 : nil }
        case 2, 3:
            let numbers = parts.map { Int($0) }
            guard numbers.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
            let values = numbers.map { $0! }
            guard values.dropFirst().allSatisfy({ $0 < 60 }), parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
            let total = values.reduce(0) { $0 * 60 + $1 }
            return total > 0 ? Double(total) : nil
        default: return nil
        }
    }
}
