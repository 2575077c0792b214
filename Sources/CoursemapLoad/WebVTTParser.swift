import CoursemapModel

/// Reads WebVTT caption files: the `WEBVTT` header, then cues of a timing line
/// (`00:01.000 --> 00:04.000`, hours optional) and text lines. Reports what players would trip over:
/// a missing header, malformed timings, a cue that ends before it starts, cues out of order.
///
/// Blocks are split the way browsers split them (the cues a page carries for `file://` must be the cues
/// the browser reads from the file over http): only an empty line ends a block (a line of spaces is text,
/// or an identifier); a line holding `-->` ends the header and a cue's text and starts the next cue, so a
/// file written without blank lines still has all its cues; timing lines may use tabs; hours may have
/// one digit (`0:00:11.000`).
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
        // The header block runs to the first empty line; a timing line ends it early (the first cue follows).
        while index < lines.count, !lines[index].isEmpty, !lines[index].contains("-->") { index += 1 }
        while index < lines.count {
            // A block: optional identifier, a timing line, payload lines; blocks are separated by empty lines.
            while index < lines.count, lines[index].isEmpty { index += 1 }
            guard index < lines.count else { break }
            var blockStart = index
            if Self.startsCommentOrStyle(lines[index]) {
                while index < lines.count, !lines[index].isEmpty { index += 1 }
                continue
            }
            if !lines[index].contains("-->") { index += 1 }  // a cue identifier (any text, spaces included)
            guard index < lines.count, lines[index].contains("-->") else {
                diagnostics.append(.error(.invalidCaptions, at: SourceLocation(file: file, line: blockStart + 1, column: 1), "expected a cue timing line 'start --> end'"))
                while index < lines.count, !lines[index].isEmpty { index += 1 }
                continue
            }
            blockStart = index
            let timing = lines[index]
            index += 1
            var payload: [String] = []
            // The text ends at an empty line, or at a line holding "-->", which is the next cue's timing line.
            while index < lines.count, !lines[index].isEmpty, !lines[index].contains("-->") {
                payload.append(lines[index])
                index += 1
            }
            let parts = timing.components(separatedBy: "-->")
            let startText = parts[0].trimmingCharacters(in: .whitespaces)
            let endText = parts.count > 1 ? (parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? "") : ""
            let startReading = parts.count == 2 ? timestamp(startText) : .malformed
            let endReading = parts.count == 2 ? timestamp(endText) : .malformed
            if startReading == .outOfRange || endReading == .outOfRange {
                diagnostics.append(.error(
                    .invalidCaptions, at: SourceLocation(file: file, line: blockStart + 1, column: 1),
                    "cue timing '\(timing)' is beyond \(TimeReading.limitText); captions of a longer video are not supported"))
                continue
            }
            guard case let .seconds(start) = startReading, case let .seconds(end) = endReading else {
                diagnostics.append(.error(
                    .invalidCaptions, at: SourceLocation(file: file, line: blockStart + 1, column: 1),
                    "malformed cue timing '\(timing)'; write mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt"))
                continue
            }
            let location = SourceLocation(file: file, line: blockStart + 1, column: 1)
            if end <= start {
                diagnostics.append(.error(.invalidCaptions, at: location, end == start ? "cue ends (\(endText)) when it starts: it would never show" : "cue ends (\(endText)) before it starts (\(startText))"))
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

    /// True for the first line of a `NOTE`, `STYLE` or `REGION` block: the word alone or followed by a space,
    /// a tab (or, for the old region syntax, a colon). A cue identifier such as `NOTEBOOK` is not one.
    static func startsCommentOrStyle(_ line: String) -> Bool {
        for word in ["NOTE", "STYLE", "REGION"] where line.hasPrefix(word) {
            let rest = line.dropFirst(word.count)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" || (word == "REGION" && rest.first == ":") { return true }
        }
        return false
    }

    /// `mm:ss.ttt` or `h:mm:ss.ttt` (hours of one or more digits) in seconds, at most `NumberBounds.maximumSeconds`.
    static func timestamp(_ text: String) -> TimeReading {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return .malformed }
        let secondsPart = parts.last!.split(separator: ".", omittingEmptySubsequences: false)
        guard secondsPart.count == 2, secondsPart[0].count == 2, secondsPart[1].count == 3,
            let seconds = TimeReading.digits(secondsPart[0]), let millis = TimeReading.digits(secondsPart[1]), seconds < 60,
            parts[parts.count - 2].count == 2, let minutes = TimeReading.digits(parts[parts.count - 2]), minutes < 60
        else { return .malformed }
        var hours = 0.0
        if parts.count == 3 {
            guard !parts[0].isEmpty, parts[0].utf8.allSatisfy(TimeReading.isDigit) else { return .malformed }
            // More digits than any allowed hour count: out of range, whatever they say.
            guard let value = TimeReading.digits(parts[0]) else { return .outOfRange }
            hours = Double(value)
        }
        return TimeReading.bounded(hours * 3600 + Double(minutes * 60 + seconds) + Double(millis) / 1000)
    }
}
