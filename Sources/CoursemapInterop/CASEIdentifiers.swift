/// SHA-1 and RFC 4122 name-based (version 5) UUIDs: the stable identifiers of CASE exports.
///
/// SHA-1 is used here only because RFC 4122 §4.3 defines version-5 UUIDs with it; nothing relies on its
/// collision resistance. Written in Swift so the interop target needs no crypto library.
enum CASESHA1 {
    /// The 20-byte SHA-1 digest of `message` (FIPS 180-4).
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)

        // Padding: 0x80, zeros to 56 mod 64, then the length in bits, big-endian.
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) {
            data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }

        var w = [UInt32](repeating: 0, count: 80)
        var chunk = 0
        while chunk < data.count {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] = UInt32(data[b]) << 24 | UInt32(data[b + 1]) << 16 | UInt32(data[b + 2]) << 8 | UInt32(data[b + 3])
            }
            for i in 16..<80 {
                w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1)
            }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = rotl(b, 30)
                b = a
                a = t
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
            chunk += 64
        }

        var out: [UInt8] = []
        out.reserveCapacity(20)
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    /// Lowercase hexadecimal.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
}

/// Version-5 (SHA-1, name-based) UUIDs as RFC 4122 §4.3 defines them, written lowercase as CASE requires.
enum CASEUUID {
    /// The namespace of every identifier Coursemap writes into a CASE package. Chosen once, at random;
    /// never change it, or every exported identifier changes with it.
    static let coursemapNamespace = "8f0f3b9e-6a1c-4c52-9d0e-2b7a5c41e3d6"

    /// RFC 4122's DNS namespace, for checking against published vectors.
    static let dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"

    /// The version-5 UUID of `name` in `namespace` (a UUID in its text form), lowercase and hyphenated.
    static func v5(namespace: String = coursemapNamespace, name: String) -> String {
        let namespaceBytes = bytes(of: namespace) ?? []
        var hash = CASESHA1.digest(namespaceBytes + Array(name.utf8))
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
        let hex = CASESHA1.hex(bytes)
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
