// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sakip",
  products: [.executable(name: "sakip", targets: ["sakip"])],
  dependencies: [
    // The command line: subcommands, options, help text with examples.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // SHA-256 of every input file (provenance on the `Sumber` sheet and in the JSON).
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // Tests only: unzip written workbooks to compare their XML parts.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // C libraries from Debian (-dev packages).
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    // Inflate and CRC-32 for XLSXVerifier (libxlsxwriter itself already links -lz). Not
    // "CZlib": ZIPFoundation (tests) declares a clang module of that name, and two modules of
    // one name cannot meet in a test target.
    .systemLibrary(name: "CLibZ", providers: [.apt(["zlib1g-dev"])]),

    // Safe Swift wrappers: the only Swift code that touches C.
    .target(name: "SakipCSV", dependencies: ["CLibCSV"]),
    .target(name: "SakipXLSX", dependencies: ["CXLSXWriter", "CLibZ"]),

    // Domain core and the command-line front end.
    .target(
      name: "SakipCore",
      dependencies: [
        "SakipCSV", "SakipXLSX", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(
      name: "sakip",
      dependencies: [
        "SakipCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Measurement programs for `make bench` (not shipped).
    .executableTarget(name: "sakip-bench", dependencies: ["SakipCore", "SakipCSV", "SakipXLSX"]),

    // Tests.
    .target(
      name: "SakipTestSupport",
      dependencies: ["SakipCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .testTarget(
      name: "SakipCSVTests", dependencies: ["SakipCSV", "SakipTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "SakipXLSXTests", dependencies: ["SakipXLSX", "SakipTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "SakipCoreTests", dependencies: ["SakipCore", "SakipTestSupport"],
      exclude: ["Fixtures", "Golden"]),
    .testTarget(
      name: "SakipCommandTests", dependencies: ["sakip", "SakipTestSupport"],
      exclude: ["Golden"]),
  ]
)
