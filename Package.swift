// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tthtcd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tthtcd", targets: ["tthtcd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Text helpers (NFC, folding, search, Vietnamese collation, display width) and `Severity`: the small
        // vocabulary both the rules and the widgets need, so that TerminalUI does not depend on Domain.
        .target(name: "Basics"),
        // Pure rules and values: no file I/O, no SQLite, no terminal. swift-crypto for password hashing and the
        // audit chain's SHA-256, which are computations and belong with the rules that use them.
        .target(
            name: "Domain",
            dependencies: [
                "Basics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Shipped data: string catalogs, the administrative units list, the demo dataset.
        .target(
            name: "AppResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("strings"), .copy("units"), .copy("demo"), .copy("rules"), .copy("survey"), .copy("templates"),
                        .copy("evaluation")]
        ),
        // The only code that touches the data file.
        .target(
            name: "Storage",
            dependencies: [
                "Domain", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Exchange bundles are zip files.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Word and Excel files: one escaping XML writer, the .docx builder and template filler, the .xlsx builder,
        // the administrative layout of Decree 30/2020/NĐ-CP as a value. No data file, no terminal: Screens compose
        // the documents from the catalogs and hand them here.
        .target(name: "Documents", dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Cell buffer, keys, keymaps and widgets; no C imports, no Domain.
        .target(name: "TerminalUI", dependencies: ["Basics"]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The one small piece of code that calls ncurses.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // Screens: state + actions + update + view, and the root app.
        .target(name: "Screens", dependencies: ["Domain", "Storage", "TerminalUI", "AppResources", "Documents"]),
        .executableTarget(
            name: "tthtcd",
            dependencies: [
                "Screens", "Storage", "Domain", "NcursesBackend", "AppResources", "Documents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "AppResources"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Domain", "AppResources", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // demo-v5.sqlite: the demo data file as the version before "v6-province-scale" wrote it.
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "ScreensTests",
            dependencies: ["Screens", "Storage", "Domain", "TerminalUI", "AppResources", "Documents"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["Storage", "Domain", "tthtcd", "Documents"]),
    ],
    swiftLanguageModes: [.v6]
)
