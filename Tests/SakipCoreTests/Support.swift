import SakipCSV
import Testing

@testable import SakipCore

/// Records from CSV text as a section's spreadsheet would save it.
func records(_ text: String, delimiter: UInt8? = nil) throws -> [CSVRecord] {
  try CSVReader(delimiter: delimiter, headerNames: HeaderMatcher.codeHeaderNames)
    .read(bytes: Array(text.utf8)).records
}

/// A small agency: two sections, a positive summed indicator with a pagu, a percentage, a
/// negative one, a qualitative one.
let sampleDefinitionsCSV = """
  kode;indikator;satuan;penanggung_jawab;level;induk;polaritas;agregasi;target;target_tw1;target_tw2;target_tw3;target_tw4;pagu
  S1;Indeks SPBE;indeks;Sekretariat;sasaran;;positif;akhir;3,5;3;3,2;3,4;3,5;
  P1;Jumlah aplikasi;aplikasi;Bidang Aplikasi;program;S1;positif;jumlah;12;3;3;3;3;450.000.000
  P2;Persentase OPD terhubung;%;Bidang Aplikasi;kegiatan;P1;positif;akhir;85;60;70;80;85;
  P3;Jumlah insiden;kali;Bidang Aplikasi;kegiatan;P1;negatif;jumlah;4;1;1;1;1;
  S2;Nilai SAKIP;predikat;Sekretariat;sasaran;;positif;akhir;BB;;;;;
  """

func sampleDefinitions() throws -> IndicatorDefinitions {
  let reading = DefinitionsReader(file: "indikator.csv", decimalMark: .comma)
    .read(try records(sampleDefinitionsCSV))
  #expect(reading.findings == [])
  return reading.definitions
}

/// Reads a form's CSV text against the sample definitions.
func readForm(_ text: String, file: String = "form.csv", mark: DecimalMark = .comma, period: Quarter = .second)
  throws -> (Form, [Finding])
{
  try FormReader(file: file, decimalMark: mark, defaultPeriod: period)
    .read(records(text), definitions: sampleDefinitions())
}

/// Projects findings to what tests compare: line, column, check id.
func projection(_ findings: [Finding]) -> [[String]] {
  findings.map { [$0.location.line.map(String.init) ?? "-", $0.location.column ?? "-", $0.code.rawValue] }
}
