/// What a section wrote beside an indicator's numbers: kendala, faktor pendorong, tindak
/// lanjut, bukti dukung, keterangan — at most one text each.
///
/// Five slots held in place rather than a dictionary, one fewer allocation per indicator.
public struct FreeTexts: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  private var kendala: String?
  private var faktorPendorong: String?
  private var tindakLanjut: String?
  private var buktiDukung: String?
  private var keterangan: String?

  public init() {}

  public init(dictionaryLiteral elements: (FreeTextField, String)...) {
    for (field, text) in elements { self[field] = text }
  }

  public subscript(field: FreeTextField) -> String? {
    get {
      switch field {
      case .kendala: kendala
      case .faktorPendorong: faktorPendorong
      case .tindakLanjut: tindakLanjut
      case .buktiDukung: buktiDukung
      case .keterangan: keterangan
      }
    }
    set {
      switch field {
      case .kendala: kendala = newValue
      case .faktorPendorong: faktorPendorong = newValue
      case .tindakLanjut: tindakLanjut = newValue
      case .buktiDukung: buktiDukung = newValue
      case .keterangan: keterangan = newValue
      }
    }
  }
}
