/// The answer to a `Range` header (RFC 9110 §14) for a file of known size. Only a single `bytes=` range is
/// served; anything else (several ranges, another unit, bad syntax) is ignored and the whole file sent,
/// as the RFC allows.
enum ByteRange: Equatable, Sendable {
    /// Send the whole file with 200.
    case whole
    /// Send these bytes with 206 and `Content-Range: bytes first-last/size`.
    case partial(ClosedRange<Int>)
    /// 416 with `Content-Range: bytes */size`: the range starts past the end of the file.
    case unsatisfiable

    /// Interprets `header` (the `Range` value, if any) for a file of `size` bytes.
    init(header: String?, size: Int) {
        guard let header else {
            self = .whole
            return
        }
        let trimmed = Substring(header).trimmingSpaces
        let prefix = "bytes="
        guard trimmed.lowercased().hasPrefix(prefix) else {
            self = .whole
            return
        }
        let spec = trimmed.dropFirst(prefix.count).trimmingSpaces
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else {
            self = .whole
            return
        }
        let firstText = spec[..<dash].trimmingSpaces
        let lastText = spec[spec.index(after: dash)...].trimmingSpaces

        if firstText.isEmpty {
            // Suffix range `bytes=-n`: the last n bytes.
            guard let length = Self.number(lastText) else {
                self = .whole
                return
            }
            guard length > 0, size > 0 else {
                self = .unsatisfiable
                return
            }
            self = .partial(max(0, size - length)...(size - 1))
            return
        }
        guard let first = Self.number(firstText) else {
            self = .whole
            return
        }
        var last = size - 1
        if !lastText.isEmpty {
            guard let value = Self.number(lastText), value >= first else {
                self = .whole
                return
            }
            last = min(value, size - 1)
        }
        guard first < size else {
            self = .unsatisfiable
            return
        }
        self = .partial(first...last)
    }

    /// A non-negative decimal; `nil` for anything else, including numbers too large for `Int`.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        guard let start = firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return self[endIndex...] }
        return self[start...end]
    }
}
