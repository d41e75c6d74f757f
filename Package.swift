// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Campfire",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "campfire", targets: ["campfire"]),
        .library(name: "StateMachine", targets: ["StateMachine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        // MARK: Domain and files (no terminal)
        .target(name: "StateMachine"),
        .target(
            name: "Workshop",
            dependencies: ["StateMachine"],
            resources: [.copy("Resources")]
        ),
        .target(name: "Persistence", dependencies: ["Workshop", "TextMeasure"]),
        // Printable pages (HTML with SVG pictures) built from a session prepared for export.
        .target(
            name: "Printouts",
            dependencies: ["Workshop", "Persistence", .product(name: "Plot", package: "Plot")]
        ),

        // MARK: Terminal
        .target(name: "CTextWidth"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // How many columns text takes (wcwidth): for the screens and for the plain-text letters.
        .target(name: "TextMeasure", dependencies: ["CTextWidth"]),
        .target(name: "TerminalUI", dependencies: ["TextMeasure"]),
        .target(name: "WorkshopUI", dependencies: ["TerminalUI", "Workshop"]),
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),

        // MARK: The model-based key test (a library for the tests, and `keystorm` for long runs)
        .target(name: "ConsoleKeyStorm", dependencies: ["WorkshopUI", "Workshop", "Persistence", "TerminalUI"]),
        .executableTarget(name: "keystorm", dependencies: ["ConsoleKeyStorm"]),

        // MARK: The program
        .executableTarget(
            name: "campfire",
            dependencies: [
                "Workshop", "Persistence", "Printouts", "WorkshopUI", "NcursesBackend", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Writes the manual page from the program's own description of its commands (Scripts/install).
        .executableTarget(name: "campfire-manual"),

        // MARK: Tests
        .testTarget(name: "StateMachineTests", dependencies: ["StateMachine"]),
        .testTarget(name: "WorkshopTests", dependencies: ["Workshop", "StateMachine"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "Workshop"], exclude: ["Fixtures"]),
        .testTarget(name: "PrintoutsTests", dependencies: ["Printouts", "Persistence", "Workshop"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TextMeasure"]),
        .testTarget(
            name: "WorkshopUITests",
            dependencies: ["WorkshopUI", "TerminalUI", "Workshop"],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["Workshop", "Persistence", "TerminalUI"]),
        .testTarget(name: "KeyStormTests", dependencies: ["ConsoleKeyStorm", "WorkshopUI", "Workshop", "Persistence", "TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
