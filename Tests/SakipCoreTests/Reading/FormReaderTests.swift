import Testing

@testable import SakipCore

struct FormReaderTests {
  let form = """
    Formulir Pengumpulan Data Capaian Kinerja;;;;;;
    Unit Kerja;Bidang Aplikasi;;;;;
    Tahun;2025;;;;;
    Periode;TW II;;;;;
    ;;;;;;
    No;Kode;Indikator;Satuan;Target;Realisasi TW I;Realisasi;Realisasi Anggaran TW I;Realisasi Anggaran TW II;Penghambat;Solusi;Bukti Dukung
    1;2;3;4;5;6;7;8;9;10;11;12
    ;;PROGRAM APLIKASI;;;;;;;;;
    1;P1;Jumlah aplikasi;aplikasi;12;3;0;100.000.000;120.000.000;;;SK 1/2025
    2;P2;Persentase OPD terhubung;%;85;60,5;-;;;Jaringan putus;Perbaikan;
    3;P3;Jumlah insiden;kali;4;;1;;;;;
    ;;;;;;;;;Sukamaju, 10 Juli 2025;;
    ;;;;;;;;;Kepala Bidang;;
    """

  @Test func titleBlockAndHeaderAnywhere() throws {
    let (form, findings) = try readForm(self.form)
    #expect(findings == [])
    #expect(form.section == "Bidang Aplikasi")
    #expect(form.year?.value == 2025)
    #expect(form.year?.line == 3)
    #expect(form.period?.value == .second)
    #expect(form.headerLine == 6)
    #expect(form.rows.map(\.code.rawValue) == ["P1", "P2", "P3"])
    #expect(form.rows.map(\.line) == [9, 10, 11])
  }

  @Test func bareRealisasiTakesTheFormsPeriodAndEmptyIsNotZero() throws {
    let (form, _) = try readForm(self.form, period: .fourth)
    let p1 = form.rows[0]
    #expect(p1.realisations.map(\.quarter) == [.first, .second])
    #expect(p1.realisations.map(\.value) == [.number(3), .number(0)])
    #expect(p1.budget.map(\.value) == [.number(100_000_000), .number(120_000_000)])
    #expect(form.rows[1].realisations.map(\.value) == [.number(60.5), .notReported])
    #expect(form.rows[2].realisations.map(\.value) == [.notReported, .number(1)])
    #expect(p1.texts[.buktiDukung] == "SK 1/2025")
    #expect(form.rows[1].texts[.kendala] == "Jaringan putus")
    #expect(form.rows[1].texts[.tindakLanjut] == "Perbaikan")
  }

  @Test func withoutTitleBlockBareRealisasiTakesTheRequestedPeriod() throws {
    let (form, _) = try readForm("Kode;Realisasi\nP1;4\n", period: .third)
    #expect(form.rows[0].realisations.map(\.quarter) == [.third])
    #expect(form.section == nil)
  }

  @Test func qualitativeRealisationIsText() throws {
    let (form, findings) = try readForm("Kode;Realisasi TW II\nS2;BB\n")
    #expect(findings == [])
    #expect(form.rows[0].realisations[0].value == .text("BB"))
  }

  @Test func everythingWrongInOneForm() throws {
    let csv = """
      Kode;Indikator;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I
      P1;Satu;3;1.5;Rp 100.000
      P2;Dua;sekitar 80;12,34,5;
      P2;Dua lagi;1;2;
      P9;Tak dikenal;1;1;
      ;Jumlah;7;;
      P3;Tiga;1;1;;catatan di luar
      """
    let (_, findings) = try readForm(csv)
    #expect(
      projection(findings) == [
        ["2", "Realisasi TW II", "invalid-number"],
        ["3", "Realisasi TW I", "invalid-number"],
        ["3", "Realisasi TW II", "invalid-number"],
        ["4", "Kode", "duplicate-code"],
        ["5", "Kode", "unknown-code"],
        ["6", "Realisasi TW I", "orphan-value"],
        ["7", "F", "extra-cells"],
      ])
    #expect(findings[0].message == .notNumber("1.5", .otherDecimalMark, .comma))
    #expect(findings[4].message == .codeUnknown(suggestion: IndicatorCode("P1")))
  }

  @Test func noHeaderRow() throws {
    let (_, findings) = try readForm("Unit Kerja;Sekretariat\nS1;3\n")
    #expect(findings.map(\.code) == [.noHeader])
    #expect(findings.first?.section == "Sekretariat")
  }

  @Test func columnNumberRowIsSkipped() {
    #expect(FormReader.isColumnNumberRow(["1", "2", "3", "4"]))
    #expect(!FormReader.isColumnNumberRow(["P1", "2", "3"]))
    #expect(!FormReader.isColumnNumberRow(["1", "3", "4"]))
  }
}
