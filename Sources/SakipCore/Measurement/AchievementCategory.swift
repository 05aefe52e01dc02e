/// The Permendagri 86/2017 category of an achievement (*kategori capaian*, SPEC §5.4). The raw
/// value is the Indonesian label shown in the recap and the JSON.
public enum AchievementCategory: String, CaseIterable, Sendable, Hashable, Codable {
  /// ≥ 91 by default.
  case veryHigh = "Sangat Tinggi"
  /// ≥ 76 and < 91 by default.
  case high = "Tinggi"
  /// ≥ 66 and < 76 by default.
  case medium = "Sedang"
  /// ≥ 51 and < 66 by default.
  case low = "Rendah"
  /// < 51 by default.
  case veryLow = "Sangat Rendah"
}
