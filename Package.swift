// swift-tools-version:6.0
import PackageDescription

// One direction of dependency:
// CMicroHTTPD → GongkaiHTTP → GongkaiDomain/GongkaiImport → GongkaiStorage → GongkaiAPI → gongkai
let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Module map + shim header over the system libmicrohttpd; nothing else.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        // System zlib, to precompress bodies once per version.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The one lock type for shared state (a glibc mutex with a condition; see the file).
        .target(name: "GongkaiSync"),
        // HTTP server, request, response, router. Knows nothing of catalogues.
        .target(name: "GongkaiHTTP", dependencies: ["CMicroHTTPD", "GongkaiSync"]),
        // Catalogue, records, working-day calendar, deadlines. No HTTP, no files.
        .target(name: "GongkaiDomain"),
        // Text catalogue → structured catalogue. No HTTP, no files.
        .target(name: "GongkaiImport", dependencies: ["GongkaiDomain"]),
        // JSON files on disk: atomic files, append logs with group commit, tokens.
        .target(
            name: "GongkaiStorage",
            dependencies: [
                "GongkaiDomain", "GongkaiSync",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Handlers mapping HTTP to the domain; problem+json in exactly one place.
        .target(
            name: "GongkaiAPI",
            dependencies: [
                "GongkaiHTTP", "GongkaiDomain", "GongkaiImport", "GongkaiStorage", "GongkaiSync", "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiAPI", "GongkaiImport", "GongkaiStorage", "GongkaiDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "GongkaiHTTPTests", dependencies: ["GongkaiHTTP"]),
        .testTarget(name: "GongkaiDomainTests", dependencies: ["GongkaiDomain"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GongkaiImportTests",
            dependencies: ["GongkaiImport", "GongkaiDomain"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "GongkaiStorageTests", dependencies: ["GongkaiStorage", "GongkaiDomain", "GongkaiSync"]),
        .testTarget(
            name: "GongkaiAPITests",
            dependencies: ["GongkaiAPI", "GongkaiHTTP", "GongkaiDomain", "GongkaiStorage"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
