import CoursemapXML
import Testing

/// The sanitizer's remote-image rule on its own: which sources count as another host.
@Suite("HTML sanitizer: remote images")
struct RemoteImageSanitizerTests {
    @Test("sources that reach another host are dropped and listed", arguments: [
        "https://a.example/x.png", "http://a.example/x.png", "HtTpS://a.example/x.png", "//a.example/x.png", "/\\a.example/x.png",
        "\\\\a.example/x.png", "\\/a.example/x.png", " \u{01}https://a.example/x.png", "h\nttps://a.example/x.png", "/\t/a.example/x.png",
        "https:a.example/x.png", "wss://a.example/x", "ftp://a.example/x.png",
    ])
    func remote(source: String) {
        let result = HTMLSanitizer.sanitize("<p>x<img alt=\"图\" src=\"\(source)\"></p>")
        #expect(!result.html.contains("<img"), "\(result.html)")
        #expect(result.html.contains("[图]"))
        #expect(result.remoteImages == [source])
    }

    @Test("sources on the portal itself are kept", arguments: ["a.png", "images/a.png", "/shared/a.png", "./a.png", "../a.png", "a.png?x=https://b", "ab/c.png"])
    func local(source: String) {
        let result = HTMLSanitizer.sanitize("<img src=\"\(source)\">")
        #expect(result.html.contains("<img src="), "\(result.html)")
        #expect(result.remoteImages.isEmpty)
    }

    @Test("links to other sites are not images and stay; keepRemoteImages keeps images")
    func linksAndOptIn() {
        let html = "<a href=\"https://a.example/\">a</a><img src=\"https://a.example/x.png\">"
        let dropped = HTMLSanitizer.sanitize(html)
        #expect(dropped.html.contains("href=\"https://a.example/\""))
        #expect(!dropped.html.contains("<img"))
        let kept = HTMLSanitizer.sanitize(html, keepRemoteImages: true)
        #expect(kept.html.contains("<img src=\"https://a.example/x.png\">"))
        #expect(kept.remoteImages.isEmpty)
    }
}
