// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pooltop",
    products: [
        .executable(name: "pooltop", targets: ["pooltop"]),
        .executable(name: "pooltop-worker", targets: ["pooltop-worker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // MARK: - Plain values
        .target(name: "PoolCore"),

        // MARK: - The pool
        .target(name: "CPoolSupport"),
        .target(
            name: "PoolEngine",
            dependencies: [
                "PoolCore",
                "CPoolSupport",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(name: "Workload", dependencies: ["PoolCore"]),
        .target(name: "Sizing", dependencies: ["PoolCore"]),

        // MARK: - Sources: what the screen and the tools watch
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "Sessions", dependencies: ["PoolCore", "PoolEngine", "Workload", "Sizing", "CZlib"]),

        // MARK: - The screen
        .target(name: "TerminalUI"),
        .target(name: "Dashboard", dependencies: ["PoolCore", "Sizing", "TerminalUI", .product(name: "Yams", package: "Yams")]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CTerminalGuard"),
        .target(name: "NcursesBackend", dependencies: ["TerminalUI", "CNcurses", "CTerminalGuard"]),

        // MARK: - The loop that puts a source on the terminal
        .target(name: "DashboardLoop", dependencies: ["Sessions", "Dashboard", "NcursesBackend", "TerminalUI", "PoolCore"]),

        // MARK: - The bench (pooltop bench)
        .target(name: "Bench", dependencies: ["Sessions", "Dashboard", "NcursesBackend"]),

        // MARK: - The command line
        // A static executable in release builds: a worker process then starts without a dynamic
        // loader or seven shared libraries to relocate (issue 14: 50 workers up and down in ≤ 60 ms).
        // Debug builds link it dynamically, as ThreadSanitizer's runtime cannot go in a static one.
        .executableTarget(name: "pooltop-worker", dependencies: ["PoolEngine"],
                          linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]),
        .executableTarget(
            name: "pooltop",
            dependencies: [
                "PoolCore", "PoolEngine", "Workload", "Sizing", "Sessions", "DashboardLoop", "Bench", "TerminalUI", "Dashboard", "NcursesBackend",
                "pooltop-worker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .testTarget(name: "PoolCoreTests", dependencies: ["PoolCore"]),
        .testTarget(name: "PoolEngineTests", dependencies: ["PoolEngine", "PoolCore", "Workload"]),
        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "PoolCore"]),
        .testTarget(name: "SizingTests", dependencies: ["Sizing", "PoolCore"]),
        .testTarget(name: "SessionsTests", dependencies: ["Sessions", "PoolEngine", "Workload", "Sizing", "PoolCore"]),
        .testTarget(name: "DashboardLoopTests", dependencies: ["DashboardLoop", "Dashboard", "Sessions", "Workload", "PoolEngine", "PoolCore"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "Sessions", "PoolCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "PoolCore", "Sizing", "TerminalUI"], exclude: ["__Snapshots__"]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "TerminalUI"]),
        .testTarget(name: "ProcessModeTests", dependencies: ["PoolEngine", "PoolCore", "CPoolSupport", "pooltop"]),
        .testTarget(name: "EndToEndTests", dependencies: ["pooltop", "DashboardLoop", "Dashboard", "Sessions", "PoolEngine"]),
    ]
)
