import Foundation
import ZIPFoundation

/// Every part of the .xlsx (zip) package at `url`, by path inside the package
/// (`xl/worksheets/sheet1.xml`, `[Content_Types].xml`, …), decoded as UTF-8.
/// Extraction checks each entry's CRC-32, so a damaged package throws.
public func xlsxParts(at url: URL) throws -> [String: String] {
  let archive = try Archive(url: url, accessMode: .read)
  var parts: [String: String] = [:]
  for entry in archive where entry.type == .file {
    var data = Data()
    _ = try archive.extract(entry) { chunk in data.append(chunk) }
    parts[entry.path] = String(decoding: data, as: UTF8.self)
  }
  return parts
}

/// XML with one element per line, for readable golden files and diffs: a line break is put
/// between every `>` and `<` that touch. With `sortingLines`, the lines between the first
/// and last are sorted (for parts whose child order carries no meaning, such as
/// `[Content_Types].xml` and `*.rels`).
public func normalizedXML(_ xml: String, sortingLines: Bool = false) -> String {
  var lines = xml.replacingOccurrences(of: "\r\n", with: "\n")
    .replacingOccurrences(of: "><", with: ">\n<")
    .split(separator: "\n", omittingEmptySubsequences: false)
    .map(String.init)
  if sortingLines, lines.count > 3 {
    let middle = lines[2..<(lines.count - 1)].sorted()
    lines = Array(lines[0..<2]) + middle + [lines[lines.count - 1]]
  }
  return lines.joined(separator: "\n") + "\n"
}

/// The normalised text of one part of the .xlsx at `url` (see `normalizedXML(_:sortingLines:)`);
/// `[Content_Types].xml` and `.rels` parts are sorted. Throws if the part is missing.
public func normalizedXLSXPart(_ name: String, at url: URL) throws -> String {
  guard let xml = try xlsxParts(at: url)[name] else {
    throw XLSXPartMissing(name: name, file: url.path)
  }
  let sort = name == "[Content_Types].xml" || name.hasSuffix(".rels")
  return normalizedXML(xml, sortingLines: sort)
}

/// A requested part is not in the package.
public struct XLSXPartMissing: Error, CustomStringConvertible {
  /// The part asked for.
  public let name: String
  /// The package file.
  public let file: String
  /// Plain description.
  public var description: String { "\(file) has no part \(name)" }
}

/// Writes `parts` as a new zip package at `url` (deflated, sorted by name), to build damaged
/// or hand-edited workbooks in tests.
public func writeXLSXParts(_ parts: [String: String], to url: URL) throws {
  let archive = try Archive(url: url, accessMode: .create)
  for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
    let data = Data(text.utf8)
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count),
      compressionMethod: .deflate
    ) { position, size in
      data.subdata(in: Int(position)..<(Int(position) + size))
    }
  }
}
