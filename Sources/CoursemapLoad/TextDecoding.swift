import CoursemapModel

/// Turns a file's bytes into text the way teachers' files arrive: UTF-8, with or without a BOM, with LF or
/// CRLF line ends. Anything else (GB18030/GBK from Windows editors, UTF-16, NUL bytes) is refused with a
/// diagnostic that says where and how to fix it.
enum TextDecoding {
    /// The decoded text with line ends normalised to `\n`, or the diagnostic explaining why there is none.
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(
                .notUTF8, at: SourceLocation(file: file, line: 1, column: 1),
                "file is UTF-16; save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8 '\(file)' > tmp && mv tmp '\(file)'`)"))
        }
        // The standard library validates fast; the byte-by-byte walk only runs to say where a file goes wrong.
        let validated = String(validating: body, as: UTF8.self)
        if validated == nil, let firstInvalid = firstInvalidUTF8Offset(body) {
            let (line, column) = position(of: firstInvalid, in: body)
            let hint =
                looksLikeGB18030(body)
                ? "it looks like GB18030/GBK (the Windows Chinese encoding); convert it with "
                    + "`iconv -f GB18030 -t UTF-8 '\(file)' > tmp && mv tmp '\(file)'`"
                : "save it as UTF-8"
            return .failure(.error(
                .notUTF8, at: SourceLocation(file: file, line: line, column: column),
                "file is not valid UTF-8 (byte 0x\(hex(body[firstInvalid]))); \(hint)"))
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            return .failure(.error(
                .nulByte, at: SourceLocation(file: file, line: line, column: column),
                "file contains a NUL byte; it is binary or corrupted"))
        }
        let text = validated ?? String(decoding: body, as: UTF8.self)
        guard body.contains(13) else { return .success(text) }
        return .success(text.replacingCRLF())
    }

    /// The index of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard end - i >= length else { return i }
            if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
            for k in 2..<length where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return i }
            i += length
        }
        return nil
    }

    /// True when every non-ASCII byte forms a valid GB18030 two- or four-byte sequence.
    static func looksLikeGB18030(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var sawMultibyte = false
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b), i + 1 < end else { return false }
            let b2 = bytes[i + 1]
            if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) {
                i += 2
            } else if (0x30...0x39).contains(b2), i + 3 < end, (0x81...0xFE).contains(bytes[i + 2]),
                (0x30...0x39).contains(bytes[i + 3])
            {
                i += 4
            } else {
                return false
            }
            sawMultibyte = true
        }
        return sawMultibyte
    }

    /// 1-based line and column (counted in characters) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for i in bytes.startIndex..<offset where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        // Count UTF-8 lead bytes between the start of the line and the offset.
        let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
        return (line, column)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

extension String {
    /// CRLF and lone CR become LF.
    fileprivate func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 13 {
                out.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
