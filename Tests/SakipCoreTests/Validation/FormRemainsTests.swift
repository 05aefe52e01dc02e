import Testing

@testable import SakipCore

/// `Form.remains(for:)`: what is kept of a form once its values are merged.
struct FormRemainsTests {
  /// A form without `Unit Kerja`: P1's target and P3's unit differ from the definitions, P2
  /// agrees (`80` against `85` would differ; `85` does not).
  static let form = """
    Tahun;2025
    Periode;TW II
    Kode;Satuan;Target;Realisasi TW I;Realisasi TW II;Realisasi Anggaran TW I;Kendala
    P1;aplikasi;13;3;4;100;Hujan
    P2;%;85;60;70;;
    P3;insiden;4;0;1;;Banjir
    """

  @Test func keepsOnlyTheRowsThatDifferWithoutTheirValues() throws {
    let definitions = try sampleDefinitions()
    let (form, _) = try readForm(Self.form)
    #expect(form.rows.map(\.code.rawValue) == ["P1", "P2", "P3"])
    let remains = form.remains(for: definitions)
    #expect(remains.rows.map(\.code.rawValue) == ["P1", "P3"])
    #expect(remains.rows.map(\.line) == form.rows.filter { $0.code.rawValue != "P2" }.map(\.line))
    #expect(remains.rows.map(\.targetText) == ["13", "4"])
    #expect(remains.rows.map(\.unit) == ["aplikasi", "insiden"])
    #expect(remains.rows.allSatisfy { $0.realisations.isEmpty && $0.budget.isEmpty && $0.texts == FreeTexts() })
    #expect(remains.sectionOfMostRows == "Bidang Aplikasi")
    #expect(remains.file == form.file && remains.year?.value == 2025 && remains.period?.value == .second)
  }

  @Test func aFormThatAgreesKeepsNoRowButItsSection() throws {
    let definitions = try sampleDefinitions()
    let agreeing = Self.form
      .replacingOccurrences(of: "P1;aplikasi;13", with: "P1;aplikasi;12")
      .replacingOccurrences(of: "P3;insiden", with: "P3;kali")
    let form = try readForm(agreeing).0
    let remains = form.remains(for: definitions)
    #expect(remains.rows.isEmpty)
    #expect(remains.sectionOfMostRows == "Bidang Aplikasi")
    // The section is still assigned with no row left to count.
    var input = ValidationInput(definitions: definitions, forms: [remains], period: .second, year: 2025)
    input.merged = FormMerge(merging: [form], for: definitions, through: .second)
    #expect(Validator.validate(input).formSections["form.csv"] == "Bidang Aplikasi")
  }

  /// The checks after merging find on the remains what they find on the whole forms: the
  /// section a form without `Unit Kerja` is assigned, and the mismatches.
  @Test func remainsValidateAsTheWholeForms() throws {
    let definitions = try sampleDefinitions()
    let (form, _) = try readForm(Self.form)
    let whole = Validator.validate(ValidationInput(definitions: definitions, forms: [form], period: .second, year: 2025))
    var merge = FormMerge(for: definitions, through: .second)
    merge.add(form)
    var input = ValidationInput(
      definitions: definitions, forms: [form.remains(for: definitions)], period: .second, year: 2025)
    input.merged = merge
    let remains = Validator.validate(input)
    #expect(remains.findings == whole.findings)
    #expect(remains.findings.filter { $0.code == .targetMismatch }.count == 1)
    #expect(remains.findings.filter { $0.code == .unitMismatch }.count == 1)
    #expect(remains.formSections == whole.formSections)
    #expect(remains.formSections["form.csv"] == "Bidang Aplikasi")
  }
}
