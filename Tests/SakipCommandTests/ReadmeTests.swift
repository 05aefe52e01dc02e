import Foundation
import SakipCore
import SakipTestSupport
import Testing

/// The README's findings catalogue lists every check id the code has, and no other.
struct ReadmeTests {
  @Test func findingsCatalogueMatchesTheCode() throws {
    let readme = try String(contentsOfFile: packagePath("README.md"), encoding: .utf8)
    let codes = FindingCode.allCases.map(\.rawValue)
    #expect(codes.count == 22)
    let table = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { row -> String? in
      row.split(separator: "`").dropFirst().first.map(String.init)
    }
    for code in codes { #expect(table.contains(code), "README lacks \(code)") }
    let listed = Set(table.filter { !$0.hasPrefix("sakip ") })
    #expect(listed == Set(codes), "README lists checks the code does not have")
  }

  @Test func readmeOpensWithTheTwoCommands() throws {
    let readme = try String(contentsOfFile: packagePath("README.md"), encoding: .utf8)
    let opening = readme.split(separator: "\n").prefix(6).joined(separator: "\n")
    #expect(opening.contains("make demo"))
    #expect(opening.contains("make test"))
  }
}
