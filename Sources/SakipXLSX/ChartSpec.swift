/// A chart built from a category range and a value range (`workbook_add_chart`,
/// `chart_add_series`, `worksheet_insert_chart`).
public struct ChartSpec: Sendable, Hashable {
  /// The chart types offered.
  public enum Kind: Sendable, Hashable {
    /// Vertical bars (`LXW_CHART_COLUMN`).
    case column
    /// A pie (`LXW_CHART_PIE`).
    case pie
  }

  /// The chart type.
  public var kind: Kind
  /// The chart's title (`chart_title_set_name`), nil for none.
  public var title: String?
  /// The series name shown in the legend (`chart_series_set_name`).
  public var seriesName: String?
  /// The sheet holding the data; nil means the sheet the chart is inserted in.
  public var dataSheet: String?
  /// The category labels (one row or column).
  public var categories: CellRange
  /// The values (same length as the categories).
  public var values: CellRange
  /// Scale of the default 480×288 px size.
  public var scale: Double

  /// Creates a chart description.
  public init(
    kind: Kind, title: String? = nil, seriesName: String? = nil, dataSheet: String? = nil,
    categories: CellRange, values: CellRange, scale: Double = 1
  ) {
    self.kind = kind
    self.title = title
    self.seriesName = seriesName
    self.dataSheet = dataSheet
    self.categories = categories
    self.values = values
    self.scale = scale
  }
}
