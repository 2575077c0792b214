import CoursemapXML
import Foundation

/// The XSDs in `Schemas/`, shipped as resources of this target and compiled once on first use.
enum ShippedSchemas {
    static let framework: XMLSchema? = load("framework")
    static let module: XMLSchema? = load("module")
    static let exercises: XMLSchema? = load("exercises")

    private static func load(_ name: String) -> XMLSchema? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "xsd", subdirectory: "Schemas"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return XMLSchema(text)
    }
}
