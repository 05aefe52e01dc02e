// libFuzzer target: the form reader (SakipCore, SPEC §3) on arbitrary bytes read as a returned
// form, against the sample definitions, the way `sakip validate` reads a form.
#if canImport(Glibc)
  import Glibc
#endif
import SakipCSV
import SakipCore

/// The definitions every input is read against: `SAKIP_FUZZ_DEFINITIONS`, or the samples'
/// (the targets run from the package root). Read once per process.
let definitions: IndicatorDefinitions = {
  let path = getenv("SAKIP_FUZZ_DEFINITIONS").map { String(cString: $0) } ?? "samples/indikator.csv"
  guard let document = try? CSVReader(headerNames: HeaderMatcher.codeHeaderNames).read(contentsOf: path) else {
    fatalError("cannot read the definitions \(path)")
  }
  let reading = DefinitionsReader(file: path, decimalMark: .implied(byDelimiter: document.delimiter))
    .read(document.records)
  guard reading.isUsable, !reading.definitions.indicators.isEmpty else { fatalError("unusable definitions \(path)") }
  return reading.definitions
}()

let file = "fuzz.csv"
let catalog = MessageCatalog(language: .indonesian)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let document = try? CSVReader(headerNames: HeaderMatcher.codeHeaderNames).read(bytes: bytes) else { return 0 }
  let reader = FormReader(file: file, decimalMark: .implied(byDelimiter: document.delimiter), defaultPeriod: .second)
  let (form, findings) = reader.read(document.records, definitions: definitions)

  let lines = physicalLineCount(bytes)
  for finding in findings {
    require(finding.location.file == file, "finding \(finding.code) names file \(String(describing: finding.location.file))")
    if let line = finding.location.line {
      require((1...lines).contains(line), "finding \(finding.code) on line \(line) of \(lines)")
    }
    require(!catalog.text(finding).isEmpty, "finding \(finding.code) has no message")
  }
  if let header = form.headerLine { require((1...lines).contains(header), "header on line \(header) of \(lines)") }
  var previous = form.headerLine ?? 0
  var codes = Set<IndicatorCode>()
  for row in form.rows {
    require(row.line > previous && row.line <= lines, "row \(row.code) on line \(row.line) after \(previous), of \(lines)")
    require(definitions[row.code] != nil, "row \(row.code) has no definition")
    require(codes.insert(row.code).inserted, "row \(row.code) twice")
    for cell in row.realisations + row.budget {
      require(cell.line >= row.line && cell.line <= lines, "cell of \(row.code) on line \(cell.line)")
      if case .number(let value) = cell.value { require(value.isFinite, "cell of \(row.code) holds \(value)") }
    }
    previous = row.line
  }
  return 0
}
