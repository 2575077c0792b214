/// The browser side of live reload: the script every served HTML page loads, and the injection of its
/// `<script>` tag. The tag is added to the bytes sent, never to the file on disk, so the built site stays
/// exactly what `coursemap build` writes.
enum LiveReload {
    /// The path the script is served at. Under `/__coursemap/`, which a built site never uses.
    static let scriptPath = "/__coursemap/live.js"
    /// The Server-Sent Events stream the script listens to.
    static let eventsPath = "/__coursemap/events"

    /// The tag injected into every `text/html` response.
    static let scriptTag = #"<script src="/__coursemap/live.js" defer></script>"#

    /// Returns `html` with `scriptTag` inserted before the last `</body>` (ASCII case-insensitive), or
    /// appended when the document has none.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array(scriptTag.utf8)
        guard let position = lastBodyClose(in: html) else { return html + tag }
        var result = [UInt8]()
        result.reserveCapacity(html.count + tag.count)
        result += html[..<position]
        result += tag
        result += html[position...]
        return result
    }

    /// The offset of the last `</body>` in `html`, compared ASCII case-insensitively.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body>".utf8)
        guard html.count >= needle.count else { return nil }
        var start = html.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count where asciiLowercased(html[start + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }

    /// `/__coursemap/live.js`. It listens on `/__coursemap/events`: `reload` reloads the page when the
    /// event names its file or a theme asset, or names no files (`PreviewServer.reload`); `errors`
    /// carries a JSON array of diagnostic lines, shown in a fixed overlay (an empty array removes it). Text
    /// goes in through `textContent` only. When the connection drops (the server stopped or restarted) the
    /// browser reconnects, and the page reloads once the server is back, as it has probably rebuilt.
    static let script = #"""
        // Live reload for `coursemap serve`. Served by the preview server only; never part of a built site.
        (function () {
          "use strict";
          if (window.__coursemapLiveReload) return;
          window.__coursemapLiveReload = true;

          var OVERLAY_ID = "__coursemap-diagnostics";
          var source = null;
          var lostConnection = false;
          var retryTimer = null;

          function removeOverlay() {
            var overlay = document.getElementById(OVERLAY_ID);
            if (overlay) overlay.remove();
          }

          function showErrors(lines) {
            if (!Array.isArray(lines) || lines.length === 0) {
              removeOverlay();
              return;
            }
            var overlay = document.getElementById(OVERLAY_ID);
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = OVERLAY_ID;
              overlay.setAttribute("role", "alert");
              overlay.style.cssText =
                "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;" +
                "box-sizing:border-box;margin:0;padding:12px 16px;background:#2b0b0e;color:#ffe1e1;" +
                "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;" +
                "border-top:3px solid #e5484d;box-shadow:0 -4px 16px rgba(0,0,0,.35)";
              (document.body || document.documentElement).appendChild(overlay);
            }
            while (overlay.firstChild) overlay.removeChild(overlay.firstChild);

            var header = document.createElement("div");
            header.style.cssText = "display:flex;justify-content:space-between;gap:1em;margin-bottom:6px;font-weight:bold";
            var title = document.createElement("span");
            title.textContent = "coursemap: the last build failed; this page is from the previous build";
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "\u00d7";
            close.setAttribute("aria-label", "Hide");
            close.style.cssText = "background:none;border:0;color:inherit;font:inherit;font-size:16px;cursor:pointer";
            close.addEventListener("click", removeOverlay);
            header.appendChild(title);
            header.appendChild(close);
            overlay.appendChild(header);

            lines.forEach(function (line) {
              var row = document.createElement("div");
              row.style.whiteSpace = "pre-wrap";
              row.textContent = String(line);
              overlay.appendChild(row);
            });
          }

          // The site path of this page's file: "/" is "index.html", "/en/courses/" is "en/courses/index.html".
          function ownPath() {
            var path = location.pathname;
            try {
              path = decodeURIComponent(path);
            } catch (error) {}
            path = path.replace(/^\/+/, "");
            if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
            return path;
          }

          // A `reload` event's data is "reload" (every page) or a JSON array of the site paths that changed.
          function concernsThisPage(data) {
            var paths;
            try {
              paths = JSON.parse(data);
            } catch (error) {
              return true;
            }
            if (!Array.isArray(paths)) return true;
            var own = ownPath();
            return paths.some(function (path) {
              return path === own || String(path).indexOf("assets/") === 0;
            });
          }

          function connect() {
            retryTimer = null;
            source = new EventSource("/__coursemap/events");
            source.addEventListener("open", function () {
              if (lostConnection) {
                // The server came back (restarted, or the machine woke up): show what it serves now.
                location.reload();
              }
            });
            source.addEventListener("reload", function (event) {
              if (concernsThisPage(event.data)) location.reload();
            });
            source.addEventListener("errors", function (event) {
              var lines;
              try {
                lines = JSON.parse(event.data);
              } catch (error) {
                lines = [String(event.data)];
              }
              showErrors(lines);
            });
            source.addEventListener("error", function () {
              lostConnection = true;
              // EventSource retries by itself after a dropped connection, but gives up for good when a
              // reconnection attempt fails outright; start a new one then.
              if (source.readyState === EventSource.CLOSED && retryTimer === null) {
                source.close();
                retryTimer = setTimeout(connect, 1000);
              }
            });
          }

          connect();
        })();

        """#
}
