import CoursemapModel

/// The CM319 warning for images the sanitiser dropped because they load from another host.
enum RemoteImages {
    /// At most this many sources are quoted; the rest are counted.
    static let quoted = 5

    static func warning(_ sources: [String], in item: String, at location: SourceLocation) -> Diagnostic {
        var shown = sources.prefix(quoted).map { "'\(MessageText.printable($0))'" }.joined(separator: ", ")
        if sources.count > quoted { shown += " and \(sources.count - quoted) more" }
        return .warning(
            .remoteImage, at: location,
            "\(item): images that load from another site were removed (\(shown)); a remote image tells its host who opened the page. Copy the image into the content, or set imports.remote_images: true in coursemap.yml to keep them")
    }
}
