// swift-tools-version:6.0
//
// libFuzzer targets for Coursemap's readers. Each fuzzer feeds its input to the content loader as one file
// of an otherwise valid content tree, so it exercises the real discovery, decoding and parsing path.
// Build and run with scripts/fuzz.sh.
import PackageDescription

let fuzzers = [
    "FuzzFrontMatter", "FuzzFrameworkXML", "FuzzExerciseXML", "FuzzQTI", "FuzzMoodle", "FuzzWebVTT",
    "FuzzDuration", "FuzzTimeCode", "FuzzVTTTimestamp",
]

let package = Package(
    name: "CoursemapFuzz",
    dependencies: [.package(name: "Coursemap", path: "..")],
    targets: fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    } + [
        .target(name: "FuzzSupport", dependencies: [.product(name: "CoursemapReaders", package: "Coursemap")]),
    ]
)
