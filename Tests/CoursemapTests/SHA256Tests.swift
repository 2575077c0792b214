@testable import Coursemap
import Testing

/// The content hash's SHA-256 against the FIPS 180-4 examples (NIST's "SHA256.pdf" example values) and
/// against itself when fed in pieces.
@Suite("SHA-256")
struct SHA256Tests {
    @Test("the standard's one-block, two-block and long messages")
    func standardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("fed in pieces of any size, the digest is the same", arguments: [1, 3, 63, 64, 65, 1000])
    func pieces(size: Int) {
        let message = (0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            hasher.update(message[start..<min(start + size, message.count)])
            start += size
        }
        #expect(SHA256.hex(digest: hasher.finish()) == SHA256.hex(message))
    }

    @Test("messages around the padding boundary (55, 56, 64 bytes)")
    func paddingBoundaries() {
        // Values from Python's hashlib.
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
