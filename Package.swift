// swift-tools-version: 6.0
import PackageDescription

// One system-library target per C library; each is imported by exactly one Swift module:
// CLibPQ → CageotStore, CCairo + CPango → CageotPDF, CXLSXWriter → CageotXLSX, CCurl → CageotMail.
let package = Package(
    name: "Cageot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cageot", targets: ["cageot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "CSHA256"),
        .target(name: "CageotCore", dependencies: ["CSHA256", .product(name: "Logging", package: "swift-log")]),
        .target(name: "CageotStore", dependencies: ["CageotCore", "CLibPQ", .product(name: "Logging", package: "swift-log")]),
        .target(name: "CageotDocuments", dependencies: ["CageotCore", "CageotCosts"]),
        .target(name: "CageotLayout", dependencies: ["CageotCore", "CageotDocuments"]),
        .target(name: "CageotPresets", dependencies: ["CageotCore", "CageotLayout", .product(name: "Yams", package: "Yams")]),
        // zlib's level for cairo's and libxlsxwriter's streams, which neither lets its caller choose (see deflate.c).
        .target(name: "CFastDeflate"),
        .target(name: "CageotPDF", dependencies: ["CageotCore", "CageotLayout", "CCairo", "CPango", "CFastDeflate"]),
        // A per-thread gmtime() for libxlsxwriter, which calls the shared-buffer one (see gmtime.c).
        .target(name: "CThreadSafeTime"),
        .target(name: "CageotXLSX", dependencies: ["CageotCore", "CXLSXWriter", "CThreadSafeTime", "CFastDeflate"]),
        .target(name: "CageotMail", dependencies: ["CageotCore", "CCurl"]),
        .target(name: "CageotDemoData", dependencies: ["CageotCore", "CageotStore"]),
        .target(name: "CageotCosts", dependencies: ["CageotCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "CageotApp", dependencies: [
            "CageotCore", "CageotStore", "CageotDocuments", "CageotLayout", "CageotPresets", "CageotPDF", "CageotDemoData",
            "CageotXLSX", "CageotCosts", "CageotMail",
            .product(name: "Logging", package: "swift-log"), .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "CageotServer", dependencies: [
            "CageotApp", "CageotCore", "CageotStore", "CageotPresets",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "cageot", dependencies: [
            "CageotApp", "CageotCore", "CageotServer", "CageotMail",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "CageotCoreTests", dependencies: ["CageotCore", "CageotDocuments"]),
        .testTarget(name: "CageotLayoutTests", dependencies: ["CageotCore", "CageotDocuments", "CageotLayout", "CageotPresets", "CageotCosts"]),
        .testTarget(name: "CageotPDFTests", dependencies: ["CageotCore", "CageotLayout", "CageotPDF", "CFastDeflate"]),
        .testTarget(name: "CageotXLSXTests", dependencies: ["CageotCore", "CageotXLSX", "CFastDeflate"]),
        // The loopback SMTP server (aiosmtpd) and the MIME reader that mail tests share.
        .target(name: "CageotTestMail", path: "Tests/CageotTestMail", exclude: ["smtp_sink.py", "read_eml.py"]),
        .testTarget(name: "CageotMailTests", dependencies: ["CageotMail", "CageotCore", "CageotXLSX", "CageotTestMail"]),
        .testTarget(name: "CageotCostsTests", dependencies: ["CageotCore", "CageotCosts"]),
        .testTarget(name: "CageotIntegrationTests", dependencies: [
            "CageotCore", "CageotStore", "CageotDocuments", "CageotLayout", "CageotPDF",
            "CageotDemoData", "CageotApp", "CageotPresets", "CageotCosts", "CageotServer", "CageotTestMail",
            .product(name: "Logging", package: "swift-log"), .product(name: "Yams", package: "Yams"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target of the preset and cost-file parsers, only when scripts/fuzz builds it: it links
// libFuzzer (`-sanitize=fuzzer`, which the normal build must not see) and hands its `main` to it.
if Context.environment["CAGEOT_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "cageot-fuzz", dependencies: ["CageotPresets", "CageotLayout", "CageotCosts"],
                                             path: "Tests/CageotFuzz", exclude: ["presets.dict", "costs.dict", "regressions"]))
    package.products.append(.executable(name: "cageot-fuzz", targets: ["cageot-fuzz"]))
}
