/// SHA-1 (FIPS 180-4 §6.1), fed in pieces. Two formats define their identifiers with it: RFC 4122's
/// version-5 UUIDs (`CASEUUID`, the identifiers of CASE exports) and git's object ids (the provenance's
/// check of a content folder against its commit, `GitWorkTreeCheck`). Nothing relies on its collision
/// resistance. Written in Swift so no target needs a crypto library; `CASEIdentifierTests` checks it against
/// the standard's vectors. The buffering and padding are `BlockHasher`'s.
public struct SHA1: Sendable {
    private var hasher = BlockHasher(Compression())

    public init() {}

    public mutating func update(_ bytes: some Collection<UInt8>) {
        hasher.update(bytes)
    }

    /// The 20-byte digest; the hasher should not be used afterwards.
    public mutating func finish() -> [UInt8] {
        hasher.finish()
    }

    /// The 20-byte digest of `message`.
    public static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA1()
        hasher.update(message)
        return hasher.finish()
    }

    /// Lowercase hexadecimal.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.lowercaseHex
    }

    /// SHA-1's state and its compression of one block.
    private struct Compression: BlockCompression, Sendable {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        /// The message schedule, kept to avoid an allocation per block.
        private var schedule = [UInt32](repeating: 0, count: 80)

        var digest: [UInt8] { [state.0, state.1, state.2, state.3, state.4].bigEndianBytes }

        mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
            @inline(__always) func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
            for i in 0..<16 {
                schedule[i] = UInt32(block[i * 4]) << 24 | UInt32(block[i * 4 + 1]) << 16 | UInt32(block[i * 4 + 2]) << 8 | UInt32(block[i * 4 + 3])
            }
            for i in 16..<80 {
                schedule[i] = rotl(schedule[i - 3] ^ schedule[i - 8] ^ schedule[i - 14] ^ schedule[i - 16], 1)
            }
            var (a, b, c, d, e) = state
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let t = rotl(a, 5) &+ f &+ e &+ k &+ schedule[i]
                e = d
                d = c
                c = rotl(b, 30)
                b = a
                a = t
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
        }
    }
}
