/// The compression step of a Merkle–Damgård hash over 64-byte blocks (SHA-1, SHA-256): what differs
/// between the two; `BlockHasher` does the buffering and padding they share.
public protocol BlockCompression {
    /// Folds one 64-byte block into the state.
    mutating func compress(_ block: UnsafeBufferPointer<UInt8>)
    /// The state as the digest (its words big-endian).
    var digest: [UInt8] { get }
}

/// A hash fed in pieces (FIPS 180-4 §5.1.1, §5.2.1): collects bytes into 64-byte blocks for `Compression`
/// and pads the message at the end with 0x80, zeros to 56 mod 64, then its length in bits, big-endian.
public struct BlockHasher<Compression: BlockCompression> {
    private var compression: Compression
    /// Bytes waiting for a full 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init(_ compression: Compression) {
        self.compression = compression
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        length &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !pending.isEmpty {
            let take = min(64 - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            guard pending.count == 64 else { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBufferPointer { compression.compress($0) }
        }
        let whole = Array(rest)
        let blocks = whole.count / 64
        whole.withUnsafeBufferPointer { buffer in
            for index in 0..<blocks {
                compression.compress(UnsafeBufferPointer(rebasing: buffer[(index * 64)..<(index * 64 + 64)]))
            }
        }
        pending.append(contentsOf: whole[(blocks * 64)...])
    }

    /// The digest; the hasher should not be used afterwards.
    public mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        tail += [UInt8](repeating: 0, count: (119 - pending.count) % 64)
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let saved = length
        update(tail)
        length = saved
        return compression.digest
    }
}

extension BlockHasher: Sendable where Compression: Sendable {}

extension [UInt32] {
    /// The words as bytes, each big-endian: a digest from a hash's state.
    public var bigEndianBytes: [UInt8] {
        flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }
}

extension [UInt8] {
    /// The bytes as lowercase hexadecimal, two digits a byte: how digests are written.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
