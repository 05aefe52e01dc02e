import SakipCSV

/// Returns the path of `name` in this target's `Fixtures/` folder (excluded from the target, so
/// found beside this source file).
func fixturePath(_ name: String, filePath: String = #filePath) -> String {
  var folder = filePath
  while let last = folder.last, last != "/" { folder.removeLast() }
  return folder + "Fixtures/" + name
}

/// Reads fixture `name` with `reader`.
func readFixture(_ name: String, _ reader: CSVReader = CSVReader()) throws(CSVReadError) -> CSVDocument {
  try reader.read(contentsOf: fixturePath(name))
}

/// Returns the error reading `bytes` throws, or nil.
func readError(_ bytes: [UInt8], _ reader: CSVReader = CSVReader()) -> CSVReadError? {
  do {
    _ = try reader.read(bytes: bytes)
    return nil
  } catch {
    return error
  }
}

/// Returns the error reading fixture `name` throws, or nil.
func fixtureError(_ name: String, _ reader: CSVReader = CSVReader()) -> CSVReadError? {
  do {
    _ = try readFixture(name, reader)
    return nil
  } catch {
    return error
  }
}

let semicolon = UInt8(ascii: ";")
let comma = UInt8(ascii: ",")
let tab = UInt8(ascii: "\t")
