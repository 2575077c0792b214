import CoursemapXML

/// Reads the address of a platform video (`embed:` in a lecture) and the host names of
/// `media.embed_hosts`. Strict on purpose: a frame on a student page runs another site's scripts, so only
/// an address every browser reads the same way is taken — `https://`, a lower-case ASCII host name, no
/// user, no port, nothing percent-encoded or repaired in the host, no white space, quotes or `\` anywhere.
enum EmbedURL {
    /// The checked address and its host, or why it is refused (a CM331 message).
    static func read(_ url: String) -> Result<(url: String, host: String), Refusal> {
        guard url.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            return .failure(Refusal("is not plain ASCII: write the host in ASCII (punycode, xn--…) and percent-encode the rest"))
        }
        guard url.lowercased().hasPrefix("https://") else {
            return .failure(Refusal("is not an https:// address; a platform video is framed only over https" + schemeHint(url)))
        }
        guard URLPolicy.isPlainWebURL(url) else {
            return .failure(Refusal("is not a usable https address: percent-encode spaces, quotes, '<', '>', '\\' and '`'"))
        }
        let rest = url.dropFirst("https://".count)
        let authority = String(rest.prefix { !"/?#".contains($0) })
        if authority.contains("@") { return .failure(Refusal("names a user ('@' before the host); give the host alone")) }
        if authority.contains(":") { return .failure(Refusal("names a port; platform videos are framed on the standard https port only")) }
        if authority.contains("%") { return .failure(Refusal("has a percent-encoded host; write the host name plainly")) }
        if authority != authority.lowercased() { return .failure(Refusal("has upper-case letters in the host; write '\(authority.lowercased())'")) }
        if let problem = hostProblem(authority) { return .failure(Refusal(problem)) }
        return .success((url, authority))
    }

    /// How to turn what platforms hand out into an address: their "embed code" is often a whole `<iframe>`
    /// snippet, or a protocol-relative `//player…` / `http://player…` address.
    static func schemeHint(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.contains("<iframe") { return " (this is an HTML snippet: give only the address in its src=\"…\", starting with https://)" }
        if lower.hasPrefix("//") { return " (a platform's embed code often starts with //: write https: before it)" }
        if lower.hasPrefix("http://") { return " (write https:// instead of http://)" }
        return ""
    }

    /// Why `host` is not a host name Coursemap frames, or `nil` when it is: labels of lower-case ASCII
    /// letters, digits and inner `-`, at least two of them, at most 253 characters, no trailing dot, not an
    /// IP address.
    static func hostProblem(_ host: String) -> String? {
        if host.isEmpty { return "has no host" }
        if host.hasSuffix(".") { return "host '\(host)' ends in a dot; leave it out" }
        guard host.utf8.count <= 253 else { return "host is longer than 253 characters" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "host '\(host)' is not a full host name (e.g. player.bilibili.com)" }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-",
                label.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D })
            else {
                return "host '\(host)' is not a host name: lower-case ASCII letters, digits, '-' and '.' only"
            }
        }
        if labels.last!.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return "host '\(host)' is an IP address; name the platform's host"
        }
        return nil
    }

    /// A reason an address is refused.
    struct Refusal: Error, Equatable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
