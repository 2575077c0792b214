import Foundation
import Testing

@testable import CoursemapInterop

@Suite("CASE identifiers: SHA-1 and version-5 UUIDs")
struct CASEIdentifierTests {
    private func sha1(_ text: String) -> String { SHA1.hex(SHA1.digest(Array(text.utf8))) }

    @Test("SHA-1 matches the FIPS 180 vectors")
    func fipsVectors() {
        #expect(sha1("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(sha1("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(
            SHA1.hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("SHA-1 pads correctly at the block boundaries and hashes UTF-8")
    func boundaries() {
        #expect(sha1(String(repeating: "a", count: 55)) == "c1c8bbdc22796e28c0e15163d20899b65621d65a")
        #expect(sha1(String(repeating: "a", count: 56)) == "c2db330f6083854c99d4b5bfb6e8f29f201be699")
        #expect(sha1(String(repeating: "a", count: 64)) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
        #expect(sha1("跨境电子商务") == "e323a0b67ed4d6f93f845d9149aca52b6a9a26d4")
    }

    @Test("SHA-1 fed in pieces of every size gives the digest of the whole")
    func pieces() {
        let message = Array((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let whole = SHA1.hex(SHA1.digest(message))
        for size in [1, 3, 55, 63, 64, 65, 200] {
            var hasher = SHA1()
            var start = 0
            while start < message.count {
                hasher.update(message[start..<min(start + size, message.count)])
                start += size
            }
            #expect(SHA1.hex(hasher.finish()) == whole, "pieces of \(size)")
        }
    }

    @Test("Version-5 UUIDs match published values in the DNS namespace")
    func rfcVectors() {
        #expect(CASEUUID.v5(namespace: CASEUUID.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(
            CASEUUID.v5(namespace: CASEUUID.dnsNamespace, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    @Test("Coursemap's namespace is fixed: exported identifiers never drift")
    func pinnedNamespace() {
        #expect(CASEUUID.coursemapNamespace == "8f0f3b9e-6a1c-4c52-9d0e-2b7a5c41e3d6")
        #expect(CASEUUID.v5(name: "coursemap:b2b-data") == "2443db50-7de5-5a3e-99d8-1de7648b4736")
    }

    @Test("Every UUID is lowercase, version 5, RFC 4122 variant", arguments: [
        "coursemap:b2b-data", "coursemap:b2b-data:中级:1.1.1", "", "coursemap:cbec-outcomes:group:素质",
        String(repeating: "长", count: 500),
    ])
    func format(name: String) {
        let uuid = CASEUUID.v5(name: name)
        #expect(CASEUUID.isLowercaseUUID(uuid))
        #expect(uuid == uuid.lowercased())
        let chars = Array(uuid)
        #expect(chars[14] == "5")
        #expect(["8", "9", "a", "b"].contains(chars[19]))
    }

    @Test("Different names give different UUIDs; the same name the same one")
    func stable() {
        #expect(CASEUUID.v5(name: "coursemap:a") == CASEUUID.v5(name: "coursemap:a"))
        #expect(CASEUUID.v5(name: "coursemap:a") != CASEUUID.v5(name: "coursemap:b"))
        #expect(CASEUUID.bytes(of: "6BA7B810-9DAD-11D1-80B4-00C04FD430C8") == CASEUUID.bytes(of: CASEUUID.dnsNamespace))
        #expect(CASEUUID.bytes(of: "not-a-uuid") == nil)
        #expect(!CASEUUID.isLowercaseUUID("6BA7B810-9DAD-11D1-80B4-00C04FD430C8"))
    }
}
