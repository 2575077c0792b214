// swift-tools-version:6.0
//
// Coursemap: a static-site generator for vocational curricula.
//
// The targets form a one-way pipeline around a pure model:
//
//   CoursemapLoad → CoursemapResolve → CoursemapAnalyse → CoursemapRender → CoursemapWrite
//                         (all of them speak CoursemapModel)
//
// `Coursemap` wires the stages together; `CoursemapCLI` is the thin `coursemap` executable.
import PackageDescription

let package = Package(
    name: "Coursemap",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coursemap", targets: ["CoursemapCLI"]),
        .library(name: "Coursemap", targets: ["Coursemap"]),
        // The load and resolve stages alone, for the fuzzers in Fuzz/.
        .library(name: "CoursemapReaders", targets: ["CoursemapLoad", "CoursemapResolve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev, libxml2-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib (Debian: zlib1g-dev): checks that Pagefind's gzip files are complete.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE) for the atomic swap of the output directory.
        .target(name: "CFileSwap"),
        // posix_spawn's "change folder" file action, to start Pagefind in an empty folder (Coursemap).
        .target(name: "CSpawn"),
        // Tunes mimalloc, where it is linked, for how the command will use memory (CoursemapCLI).
        .target(name: "CAllocator"),

        // The pure value-type model every stage speaks.
        .target(name: "CoursemapModel"),
        // libxml2 behind a safe, Swift-valued API: parsing, XSD validation, HTML sanitising.
        .target(name: "CoursemapXML", dependencies: ["CoursemapModel", "CLibXML2"]),
        // Other tools' formats in and out: Moodle XML and QTI 2.1 item banks.
        .target(name: "CoursemapInterop", dependencies: ["CoursemapModel", "CoursemapXML"]),
        // Stage 1: discover files, decode text, parse YAML / Markdown / XML into raw documents.
        .target(
            name: "CoursemapLoad",
            dependencies: ["CoursemapModel", "CoursemapXML", "CoursemapInterop", "CCmarkGFM", "Yams"],
            resources: [.copy("Schemas")]
        ),
        // Stage 2: ids, references and cross-file validation → a resolved `Program`.
        .target(name: "CoursemapResolve", dependencies: ["CoursemapModel"]),
        // Stage 3: coverage of every requirement.
        .target(name: "CoursemapAnalyse", dependencies: ["CoursemapModel"]),
        // Stage 4: typed page models → the theme's Mustache templates (own engine, Template/) → pages.
        .target(
            name: "CoursemapRender",
            dependencies: ["CoursemapModel"],
            resources: [.copy("Theme")]
        ),
        // Stage 5: staged write and atomic swap of the output directory.
        .target(name: "CoursemapWrite", dependencies: ["CoursemapModel", "CFileSwap"]),
        // The pipeline that runs the five stages in order.
        .target(
            name: "Coursemap",
            dependencies: [
                "CoursemapModel", "CoursemapLoad", "CoursemapResolve", "CoursemapAnalyse",
                "CoursemapRender", "CoursemapWrite", "CoursemapInterop", "CZlib", "CSpawn",
            ],
            resources: [.copy("Scaffold")]
        ),
        // `coursemap serve`: the preview HTTP server (live reload over Server-Sent Events) and the file
        // watcher. Independent of the pipeline: Foundation and SwiftNIO only.
        .target(
            name: "CoursemapServe",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "CoursemapCLI",
            dependencies: [
                "Coursemap", "CoursemapRender", "CoursemapInterop", "CoursemapServe", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds allocate through mimalloc (Debian: libmimalloc-dev), which replaces malloc for
            // the whole process. A build holds every module in memory while it parses and renders on several
            // threads; glibc's allocator slows down as that heap grows (at 100,000 modules it spent a fifth
            // of the load stage in malloc). Debug and sanitizer builds keep the system allocator. `CAllocator`
            // tunes mimalloc per command (huge pages; a batch run keeps what it frees).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
        ),

        .testTarget(name: "CoursemapModelTests", dependencies: ["CoursemapModel"]),
        .testTarget(name: "CoursemapXMLTests", dependencies: ["CoursemapXML", "CoursemapLoad"]),
        .testTarget(name: "CoursemapInteropTests", dependencies: ["CoursemapInterop", "CoursemapXML"]),
        .testTarget(name: "CoursemapLoadTests", dependencies: ["CoursemapLoad", "CoursemapXML"]),
        .testTarget(name: "CoursemapResolveTests", dependencies: ["CoursemapResolve", "CoursemapLoad"]),
        .testTarget(name: "CoursemapAnalyseTests", dependencies: ["CoursemapAnalyse", "CoursemapResolve", "CoursemapLoad"]),
        .testTarget(name: "CoursemapRenderTests", dependencies: ["CoursemapRender", "CoursemapAnalyse", "CoursemapResolve", "CoursemapLoad"]),
        .testTarget(name: "CoursemapWriteTests", dependencies: ["CoursemapWrite"]),
        .testTarget(name: "CoursemapServeTests", dependencies: ["CoursemapServe"]),
        .testTarget(name: "CoursemapTests", dependencies: ["Coursemap", "CoursemapCLI", "CoursemapRender"]),
    ]
)
