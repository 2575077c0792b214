/// Version-5 (SHA-1, name-based) UUIDs as RFC 4122 §4.3 defines them, written lowercase as CASE requires:
/// the stable identifiers of CASE exports. SHA-1 itself is `SHA1` (`SHA1.swift`).
enum CASEUUID {
    /// The namespace of every identifier Coursemap writes into a CASE package. Chosen once, at random;
    /// never change it, or every exported identifier changes with it.
    static let coursemapNamespace = "8f0f3b9e-6a1c-4c52-9d0e-2b7a5c41e3d6"

    /// RFC 4122's DNS namespace, for checking against published vectors.
    static let dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"

    /// The version-5 UUID of `name` in `namespace` (a UUID in its text form), lowercase and hyphenated.
    static func v5(namespace: String = coursemapNamespace, name: String) -> String {
        let namespaceBytes = bytes(of: namespace) ?? []
        var hash = SHA1.digest(namespaceBytes + Array(name.utf8))
        hash[6] = (hash[6] & 0x0F) | 0x50  // version 5
        hash[8] = (hash[8] & 0x3F) | 0x80  // variant 10xx (RFC 4122)
        return format(Array(hash[0..<16]))
    }

    /// The 16 bytes of a UUID written `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case).
    static func bytes(of text: String) -> [UInt8]? {
        let hexDigits = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard hexDigits.count == 32, text.utf8.count == 36 else { return nil }
        var out: [UInt8] = []
        var index = hexDigits.startIndex
        while index < hexDigits.endIndex {
            guard let high = nibble(hexDigits[index]), let low = nibble(hexDigits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    /// True for a lowercase, hyphenated UUID text of any version.
    static func isLowercaseUUID(_ text: String) -> Bool {
        let scalars = Array(text.utf8)
        guard scalars.count == 36 else { return false }
        for (i, c) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(i) {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
                else { return false }
            }
        }
        return true
    }

    private static func format(_ bytes: [UInt8]) -> String {
        let hex = SHA1.hex(bytes)
        let chars = Array(hex)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
