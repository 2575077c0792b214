import CoursemapModel
import CoursemapXML

/// Gathers the files one imported item refers to, while its HTML is sanitised: each local image becomes an
/// `ItemAsset` (content-relative path, the referencing line, its `alt` and size) and the sanitizer writes
/// the placeholder for it; a reference that leaves the package is CM323 and the image shows its
/// alternative text. The same file with the same text and size is one asset however often it is shown.
final class ItemAssetCollector {
    let file: String
    let itemName: String
    private(set) var assets: [ItemAsset] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, itemName: String) {
        self.file = file
        self.itemName = itemName
    }

    /// The sanitizer's answer for a local image found at `line` of the item's file.
    func image(_ image: HTMLSanitizer.LocalImage, line: Int?) -> HTMLSanitizer.LocalImageUse {
        switch ItemAssetPath.resolve(image.source, from: file) {
        case let .outside(reason):
            diagnostics.append(.warning(
                .unsafeAssetPath, at: SourceLocation(file: file, line: line),
                "\(itemName): image '\(MessageText.printable(image.source))' is not a file of the package (\(reason)); its text alternative is shown instead"))
            return .drop
        case let .path(path):
            return .asset(add(ItemAsset(
                path: path, location: SourceLocation(file: file, line: line), alternative: image.alternative, width: image.width,
                height: image.height)))
        }
    }

    /// The index of `asset` in `assets`, added unless an equal one (but for its location) is there.
    func add(_ asset: ItemAsset) -> Int {
        if let index = assets.firstIndex(where: {
            $0.path == asset.path && $0.alternative == asset.alternative && $0.width == asset.width && $0.height == asset.height
        }) {
            return index
        }
        assets.append(asset)
        return assets.count - 1
    }

    func warn(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
