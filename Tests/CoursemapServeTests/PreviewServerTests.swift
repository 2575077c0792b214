import Foundation
import Testing

@testable import CoursemapServe

/// A running server over a scratch site, stopped when the test ends.
final class RunningServer {
    let site: Scratch
    let server: PreviewServer
    let port: Int

    init(heartbeat: Duration = .seconds(15), _ setUp: (Scratch) throws -> Void = { _ in }) throws {
        site = try Scratch()
        try setUp(site)
        let (seconds, attoseconds) = heartbeat.components
        server = PreviewServer(
            root: site.url, host: "127.0.0.1", port: 0,
            heartbeatInterval: .milliseconds(seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        port = try server.start()
    }

    deinit {
        server.stop()
    }

    func get(_ path: String, method: String = "GET", headers: [(String, String)] = []) throws -> HTTPResponse {
        try fetch(port: port, path, method: method, headers: headers)
    }
}

let liveScriptTag = #"<script src="/__coursemap/live.js" defer></script>"#

@Suite("Preview server: files")
struct PreviewServerFileTests {
    @Test("serves a file with its content type, no-store and its length")
    func servesFile() throws {
        let server = try RunningServer { site in
            try site.write("assets/site.css", "body { color: red }")
            try site.write("search/a.pf_fragment", [0, 1, 2, 3])
        }
        let css = try server.get("/assets/site.css")
        #expect(css.status == 200)
        #expect(css[header: "Content-Type"] == "text/css; charset=utf-8")
        #expect(css[header: "Cache-Control"] == "no-store")
        #expect(css[header: "Content-Length"] == "19")
        #expect(css.text == "body { color: red }")

        let fragment = try server.get("/search/a.pf_fragment?v=1")
        #expect(fragment.status == 200)
        #expect(fragment[header: "Content-Type"] == "application/octet-stream")
        #expect(fragment.body == [0, 1, 2, 3])
    }

    @Test("serves index.html for a folder and redirects a folder without its slash")
    func folders() throws {
        let server = try RunningServer { site in
            try site.write("index.html", "<html><body>home</body></html>")
            try site.write("courses/index.html", "<html><body>courses</body></html>")
            try site.write("empty/readme.txt", "no index here")
        }
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.text.contains("home"))

        let courses = try server.get("/courses/")
        #expect(courses.status == 200)
        #expect(courses[header: "Content-Type"] == "text/html; charset=utf-8")
        #expect(courses.text.contains("courses"))

        let redirect = try server.get("/courses?tab=2")
        #expect(redirect.status == 301)
        #expect(redirect[header: "Location"] == "/courses/?tab=2")

        // No listing for a folder without index.html.
        #expect(try server.get("/empty/").status == 404)
    }

    @Test("decodes percent-encoded paths, Chinese names included")
    func percentEncoding() throws {
        let server = try RunningServer { site in
            try site.write("课程/第一章 简介.txt", "你好")
            try site.write("课程/index.html", "<body>目录</body>")
        }
        let file = try server.get("/%E8%AF%BE%E7%A8%8B/%E7%AC%AC%E4%B8%80%E7%AB%A0%20%E7%AE%80%E4%BB%8B.txt")
        #expect(file.status == 200)
        #expect(file.text == "你好")
        #expect(file[header: "Content-Type"] == "text/plain; charset=utf-8")

        let redirect = try server.get("/%E8%AF%BE%E7%A8%8B")
        #expect(redirect.status == 301)
        #expect(redirect[header: "Location"] == "/%E8%AF%BE%E7%A8%8B/")

        #expect(try server.get("/%E8%AF%BE%E7%A8%8B/").text.contains("目录"))
        #expect(try server.get("/%ZZ").status == 400)
    }

    @Test("refuses to leave the site folder")
    func traversal() throws {
        let outside = try Scratch()
        try outside.write("secret.txt", "secret")
        let server = try RunningServer { site in
            try site.write("index.html", "<body>home</body>")
            try FileManager.default.createSymbolicLink(
                atPath: site.path("leak.txt"), withDestinationPath: outside.path("secret.txt"))
        }
        let name = outside.url.lastPathComponent
        for path in [
            "/../\(name)/secret.txt", "/%2E%2E/\(name)/secret.txt", "/a/..%2F..%2F\(name)/secret.txt",
            "/..%5C\(name)%5Csecret.txt", "/leak.txt",
        ] {
            let response = try server.get(path)
            #expect([403, 404].contains(response.status), "\(path)")
            #expect(!response.text.contains("secret"), "\(path)")
        }
    }

    @Test("answers 404 with the site's 404.html, or a page of its own")
    func notFound() throws {
        let server = try RunningServer { site in
            try site.write("404.html", "<html><body><h1>Lost</h1></body></html>")
        }
        let missing = try server.get("/nowhere.html")
        #expect(missing.status == 404)
        #expect(missing[header: "Content-Type"] == "text/html; charset=utf-8")
        #expect(missing.text.contains("<h1>Lost</h1>"))
        #expect(missing.text.contains(liveScriptTag))

        let bare = try RunningServer()
        try FileManager.default.removeItem(at: bare.site.url)  // Before the first build, there is no site yet.
        let none = try bare.get("/a<b>.html")
        #expect(none.status == 404)
        #expect(none.text.contains("/a&lt;b&gt;.html"))
        #expect(none.text.contains(liveScriptTag))
    }

    @Test("HEAD sends the headers without the body; other methods are refused")
    func headAndMethods() throws {
        let server = try RunningServer { site in try site.write("data.json", #"{"a":1}"#) }
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("HEAD", "/data.json")
        let head = try connection.readResponse(hasBody: false)
        #expect(head.status == 200)
        #expect(head[header: "Content-Length"] == "7")
        #expect(head[header: "Content-Type"] == "application/json; charset=utf-8")
        // The next response on the same connection starts right away: HEAD sent no body bytes.
        try connection.request("GET", "/data.json")
        let get = try connection.readResponse()
        #expect(get.status == 200)
        #expect(get.text == #"{"a":1}"#)

        let post = try server.get("/data.json", method: "POST", headers: [("Content-Length", "0")])
        #expect(post.status == 405)
        #expect(post[header: "Allow"] == "GET, HEAD")
    }

    @Test("keeps the connection alive across requests")
    func keepAlive() throws {
        let server = try RunningServer { site in
            try site.write("a.txt", "A")
            try site.write("b.txt", "B")
        }
        let connection = try RawHTTPConnection(port: server.port)
        for name in ["a", "b", "a"] {
            try connection.request("GET", "/\(name).txt")
            let response = try connection.readResponse()
            #expect(response.text == name.uppercased())
            #expect(response[header: "Connection"] == "keep-alive")
        }
        try connection.request("GET", "/b.txt", headers: [("Connection", "close")])
        #expect(try connection.readResponse().text == "B")
        #expect(try connection.isClosedByServer())
    }

    @Test("serves byte ranges with 206 and refuses impossible ones with 416")
    func ranges() throws {
        let video = (0..<600_000).map { UInt8($0 % 251) }
        let server = try RunningServer { site in try site.write("media/clip.webm", video) }

        let partial = try server.get("/media/clip.webm", headers: [("Range", "bytes=100-199")])
        #expect(partial.status == 206)
        #expect(partial[header: "Content-Range"] == "bytes 100-199/600000")
        #expect(partial[header: "Content-Length"] == "100")
        #expect(partial[header: "Content-Type"] == "video/webm")
        #expect(partial.body == Array(video[100...199]))

        let open = try server.get("/media/clip.webm", headers: [("Range", "bytes=300000-")])
        #expect(open.status == 206)
        #expect(open.body == Array(video[300_000...]))

        let suffix = try server.get("/media/clip.webm", headers: [("Range", "bytes=-10")])
        #expect(suffix[header: "Content-Range"] == "bytes 599990-599999/600000")
        #expect(suffix.body == Array(video[599_990...]))

        let past = try server.get("/media/clip.webm", headers: [("Range", "bytes=600000-600100")])
        #expect(past.status == 416)
        #expect(past[header: "Content-Range"] == "bytes */600000")

        let whole = try server.get("/media/clip.webm")
        #expect(whole.status == 200)
        #expect(whole[header: "Accept-Ranges"] == "bytes")
        #expect(whole.body == video)  // Larger than one chunk: sent in several.

        let several = try server.get("/media/clip.webm", headers: [("Range", "bytes=0-1,5-6")])
        #expect(several.status == 200)
    }

    @Test("reads each file afresh: a file replaced by renaming is served new")
    func freshReads() throws {
        let server = try RunningServer { site in try site.write("page.txt", "one") }
        #expect(try server.get("/page.txt").text == "one")
        let replacement = try server.site.write("page.txt.tmp", "two, longer")
        _ = rename(replacement.path, server.site.path("page.txt"))
        #expect(try server.get("/page.txt").text == "two, longer")
    }

    @Test("survives a client that disconnects in the middle of a response")
    func clientDisconnect() throws {
        let big = [UInt8](repeating: 7, count: 4 * 1024 * 1024)
        let server = try RunningServer { site in try site.write("big.mp4", big) }
        for _ in 0..<3 {
            let connection = try RawHTTPConnection(port: server.port)
            try connection.request("GET", "/big.mp4")
            _ = try connection.readHead()
        }  // Each connection closes with most of the body unread.
        #expect(try server.get("/big.mp4", headers: [("Range", "bytes=0-3")]).body == [7, 7, 7, 7])
    }

    @Test("reports a port in use clearly")
    func portInUse() throws {
        let first = try RunningServer()
        let second = PreviewServer(root: first.site.url, port: first.port)
        #expect(throws: PreviewServerError.portInUse(host: "127.0.0.1", port: first.port)) {
            try second.start()
        }
        #expect(throws: PreviewServerError.alreadyStarted) { try first.server.start() }
    }
}

@Suite("Preview server: live reload")
struct PreviewServerLiveReloadTests {
    @Test("injects the live-reload script into HTML responses, not into the file")
    func injection() throws {
        let page = "<!doctype html><html><body><p>Hi</p></BODY></html>"
        let server = try RunningServer { site in
            try site.write("page.html", page)
            try site.write("fragment.html", "<p>no body</p>")
        }
        let response = try server.get("/page.html")
        #expect(response.text == "<!doctype html><html><body><p>Hi</p>\(liveScriptTag)</BODY></html>")
        #expect(response[header: "Content-Length"] == String(response.body.count))
        #expect(try String(contentsOf: server.site.url.appendingPathComponent("page.html"), encoding: .utf8) == page)

        #expect(try server.get("/fragment.html").text == "<p>no body</p>" + liveScriptTag)

        let script = try server.get("/__coursemap/live.js")
        #expect(script.status == 200)
        #expect(script[header: "Content-Type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains(#"new EventSource("/__coursemap/events")"#))
        #expect(script.text.contains("textContent"))
        #expect(!script.text.contains("innerHTML"))
        #expect(try server.get("/__coursemap/other").status == 404)
    }

    /// Opens the event stream and reads its head and opening comment.
    func openEvents(_ server: RunningServer) throws -> RawHTTPConnection {
        let connection = try RawHTTPConnection(port: server.port)
        try connection.request("GET", "/__coursemap/events", headers: [("Accept", "text/event-stream")])
        let head = try connection.readHead()
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/event-stream")
        #expect(head.headers["cache-control"]?.contains("no-cache") == true)
        _ = try connection.read(until: ": coursemap live reload\n\n")
        return connection
    }

    @Test("sends reload and errors events to connected pages")
    func events() throws {
        let server = try RunningServer()
        let first = try openEvents(server)
        let second = try openEvents(server)
        #expect(eventually { server.server.liveReloadClientCount == 2 })

        server.server.reload()
        for connection in [first, second] {
            #expect(try connection.read(until: "\n\n").contains("event: reload\ndata: reload\n\n"))
        }

        server.server.reload(paths: ["courses/c1/m1.html", "en/courses/c1/m1.html"])
        for connection in [first, second] {
            #expect(try connection.read(until: "\n\n").contains("event: reload\ndata: [\"courses/c1/m1.html\",\"en/courses/c1/m1.html\"]\n\n"))
        }

        server.server.showErrors(["content/a.md:3: error: unknown competency \"x\"", "line with </script> & <b>"])
        let errors = try first.read(until: "]\n\n")
        #expect(errors.contains("event: errors\n"))
        let data = try #require(errors.split(separator: "\n").first { $0.hasPrefix("data: ") }).dropFirst(6)
        let lines = try JSONDecoder().decode([String].self, from: Data(data.utf8))
        #expect(lines == ["content/a.md:3: error: unknown competency \"x\"", "line with </script> & <b>"])

        server.server.showErrors([])
        #expect(try first.read(until: "data: []\n\n").contains("event: errors"))
    }

    @Test("a page that connects later gets the current errors at once")
    func lateClient() throws {
        let server = try RunningServer()
        server.server.showErrors(["build failed"])
        let late = try openEvents(server)
        #expect(try late.read(until: "\n\n").contains(#"event: errors"# + "\n" + #"data: ["build failed"]"#))

        server.server.showErrors([])
        _ = try late.read(until: "data: []\n\n")
        let clean = try openEvents(server)
        server.server.reload()
        // Nothing about errors before the reload: the error state is empty again.
        let received = try clean.read(until: "event: reload")
        #expect(!received.contains("errors"))
    }

    @Test("sends heartbeats and forgets pages that closed")
    func heartbeat() throws {
        let server = try RunningServer(heartbeat: .milliseconds(50))
        do {
            let connection = try openEvents(server)
            _ = try connection.read(until: ": heartbeat\n\n")
            #expect(server.server.liveReloadClientCount == 1)
        }
        #expect(eventually { server.server.liveReloadClientCount == 0 })
    }

    @Test("stop closes the event streams")
    func stopClosesStreams() throws {
        let server = try RunningServer()
        let connection = try openEvents(server)
        server.server.stop()
        #expect(try connection.isClosedByServer())
        server.server.reload()  // Harmless after stop.
    }
}
