/// The text encoding a CSV file was found to be in.
///
/// Whatever the file's encoding, ``CSVReader`` hands out UTF-8 `String`s; this value only says
/// what it found, so callers can report it (SPEC §4: "The encoding found is reported").
public enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8 without a byte-order mark (LibreOffice, Google Sheets, Excel "CSV UTF-8" on macOS).
  case utf8 = "UTF-8"
  /// UTF-8 with the byte-order mark `EF BB BF` (Excel "CSV UTF-8 (Comma delimited)"); the mark is removed.
  case utf8WithBOM = "UTF-8 BOM"
  /// Not valid UTF-8, read as Windows-1252 (Excel "CSV (Comma delimited)" on Windows).
  case windows1252 = "Windows-1252"
  /// UTF-16 little-endian with the mark `FF FE` (Excel "Unicode Text"); transcoded to UTF-8.
  case utf16LE = "UTF-16LE"
  /// UTF-16 big-endian with the mark `FE FF`; transcoded to UTF-8.
  case utf16BE = "UTF-16BE"
}
