/// Moodle's "select missing words" (`gapselect`) and "drag and drop into text" (`ddwtos`) questions: the
/// question text marks each gap `[[n]]`, where `n` (1-based) is the number of the `<selectoption>` or
/// `<dragbox>` that fills it correctly; each option has a `<group>`, and a gap offers only the options of
/// its correct option's group. Both import as fill in the blank with drop-down options.
enum MoodleGapSelect {
    /// One `[[n]]` in the question text: its UTF-8 byte range and `n`.
    struct Place {
        var range: Range<Int>
        var choice: Int
    }

    /// One option: its text and group.
    struct Option {
        var text: String
        var group: String
    }

    /// The most digits a choice number may have (Moodle numbers options from 1; more is no gap).
    static let maximumDigits = 4

    /// Every `[[n]]` in `text`, in order. Linear in the text's length.
    static func places(in text: String) -> [Place] {
        let bytes = Array(text.utf8)
        var places: [Place] = []
        var index = 0
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        while index + 4 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            var end = index + 2
            var number = 0
            while end < bytes.count, end - index - 2 < maximumDigits, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            if end > index + 2, end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close, number > 0 {
                places.append(Place(range: index..<(end + 2), choice: number))
                index = end + 2
            } else {
                index += 1
            }
        }
        return places
    }
}
