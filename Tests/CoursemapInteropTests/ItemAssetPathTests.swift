@testable import CoursemapInterop
import Testing

@Suite("Paths of files imported items refer to")
struct ItemAssetPathTests {
    @Test("relative to the item's folder, percent-decoded, with . and .. resolved")
    func resolved() {
        #expect(ItemAssetPath.resolve("images/sign.png", from: "banks/pkg/q1.xml") == .path("banks/pkg/images/sign.png"))
        #expect(ItemAssetPath.resolve("./images/a%20b.png", from: "banks/pkg/items/q1.xml") == .path("banks/pkg/items/images/a b.png"))
        #expect(ItemAssetPath.resolve("../media/x.jpg?v=2#top", from: "banks/pkg/items/q1.xml") == .path("banks/pkg/media/x.jpg"))
        #expect(ItemAssetPath.resolve("%E5%9B%BE.png", from: "banks/q.xml") == .path("banks/图.png"))
    }

    @Test("a path that leaves the package's folder, names a scheme or is absolute is refused (CM323)", arguments: [
        "../../../etc/passwd", "../../coursemap.yml", "..%2F..%2F..%2Fsecret.png", "/etc/x.png", "%2Fetc%2Fx.png", "C:/x.png",
        "images\\x.png", "a%ZZ.png", "a%00.png", "", "..",
    ])
    func refused(reference: String) {
        if case .path(let path) = ItemAssetPath.resolve(reference, from: "banks/pkg/q1.xml") {
            Issue.record("'\(reference)' resolved to '\(path)'")
        }
    }
}
