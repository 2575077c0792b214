import CoursemapModel

/// The outcome of reading a time value (a duration, a transcript time code, a caption timestamp): seconds
/// within 0 ... `NumberBounds.maximumSeconds`, text that is not a time at all, or a time beyond the limit.
public enum TimeReading: Equatable, Sendable {
    case seconds(Double)
    case malformed
    case outOfRange

    /// The seconds, when the text was a time within bounds.
    public var value: Double? {
        if case let .seconds(value) = self { return value }
        return nil
    }

    /// The limit as people write it, for messages.
    static let limitText = "the limit of 100 hours (\(Lecture.clock(NumberBounds.maximumSeconds)))"

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The value of 1 to 9 ASCII digits (no sign, no spaces); `nil` for anything else, longer runs included.
    static func digits(_ text: Substring) -> Int? {
        guard (1...9).contains(text.utf8.count), text.utf8.allSatisfy(isDigit) else { return nil }
        return text.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `seconds` when it is finite and within the limit, `.outOfRange` otherwise.
    static func bounded(_ seconds: Double) -> TimeReading {
        seconds.isFinite && seconds >= 0 && seconds <= NumberBounds.maximumSeconds ? .seconds(seconds) : .outOfRange
    }
}

/// Durations and time codes written by people: `3:40`, `1:02:05`, or plain seconds (`225`, `225.5`).
/// Hours, minutes and seconds are ASCII digits; minutes and seconds after a colon are two digits below 60.
enum Duration {
    /// A duration: above zero and at most `NumberBounds.maximumSeconds`.
    static func read(_ text: String) -> TimeReading {
        let reading = readTime(text)
        if case .seconds(0) = reading { return .malformed }
        return reading
    }

    /// A time code: like a duration, and zero (`0:00`) allowed.
    static func readTimeCode(_ text: String) -> TimeReading {
        guard text.contains(":") else { return .malformed }
        return readTime(text)
    }

    /// Whether `text` has the shape of a clock time (`m:ss` or `h:mm:ss`: digit runs, the later ones two
    /// digits) whatever the values: `00:99` is one, with seconds out of range; `see note` is not.
    static func isClockShaped(_ text: String) -> Bool {
        let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(TimeReading.isDigit) }) else { return false }
        return parts.dropFirst().allSatisfy { $0.utf8.count == 2 }
    }

    private static func readTime(_ text: String) -> TimeReading {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let pieces = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(TimeReading.isDigit) }) else { return .malformed }
            // Plain digits parse exactly; a run too long for the limit is out of range whatever it says.
            guard pieces[0].utf8.count <= 9 else { return .outOfRange }
            guard let value = Double(String(parts[0])) else { return .malformed }
            return TimeReading.bounded(value)
        case 2, 3:
            guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(TimeReading.isDigit) }) else { return .malformed }
            guard parts.dropFirst().allSatisfy({ $0.utf8.count == 2 }) else { return .malformed }
            guard let first = TimeReading.digits(parts[0]) else { return .outOfRange }
            let rest = parts.dropFirst().map { TimeReading.digits($0)! }
            guard rest.allSatisfy({ $0 < 60 }) else { return .malformed }
            let total = rest.reduce(Double(first)) { $0 * 60 + Double($1) }
            return TimeReading.bounded(total)
        default:
            return .malformed
        }
    }
}

/// Test and fuzzing access to the time readers.
public enum TimeReadingProbe {
    /// What the lecture reader makes of a `duration:` value.
    public static func duration(_ text: String) -> TimeReading { Duration.read(text) }

    /// What the transcript reader makes of a time code (the text inside `[…]`).
    public static func timeCode(_ text: String) -> TimeReading { Duration.readTimeCode(text) }

    /// What the WebVTT reader makes of one timestamp (`hh:mm:ss.ttt` or `mm:ss.ttt`).
    public static func captionTimestamp(_ text: String) -> TimeReading { WebVTTParser.timestamp(text) }
}
