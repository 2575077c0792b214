import CoursemapModel

/// What template `item-asset` shows for one file of an imported item: the image, with a URL that fits the
/// page it is on, or (`missing`) its text alternative when the file is not published (CM322, CM326).
struct ItemAssetView: Sendable, Encodable {
    let src: String
    let alt: String
    let width: Int?
    let height: Int?
    let missing: Bool
}

extension PageBuilder {
    /// `html` (a field of `item`) with each `<!--coursemap-asset N-->` the sanitizer left replaced by the
    /// image of the item's asset N, rendered by template `item-asset` for a page at `page`. One pass
    /// (`PlaceholderFill`); a number with no asset is left as it is (a comment, which shows nothing).
    func withAssets(_ html: String, of item: ExerciseItem, from page: String) -> String {
        guard !item.assets.isEmpty, let assetHTML else { return html }
        let root = SitePaths.root(from: page)
        return PlaceholderFill.fill(html) { kind, argument in
            guard kind == "asset", let index = Int(argument), item.assets.indices.contains(index) else { return nil }
            let asset = item.assets[index]
            return assetHTML(ItemAssetView(
                src: root + shared + SitePaths.downloadURL(asset.path), alt: asset.alternative ?? "", width: asset.width,
                height: asset.height,
                missing: !program.publishes(asset.path) || (edition == .student && program.answerFiles.contains(asset.path))))
        }
    }
}
