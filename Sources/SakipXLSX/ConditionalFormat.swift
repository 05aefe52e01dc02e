/// A cell-value rule for conditional formatting (`LXW_CONDITIONAL_TYPE_CELL`): cells whose
/// value passes get the style's font colour, fill and bold/italic.
public enum ConditionalRule: Sendable, Hashable {
  case greaterThanOrEqual(Double)
  case greaterThan(Double)
  case lessThan(Double)
  case lessThanOrEqual(Double)
  case equal(Double)
  /// Inclusive on both ends, as in Excel.
  case between(Double, Double)

  var values: [Double] {
    switch self {
    case .greaterThanOrEqual(let v), .greaterThan(let v), .lessThan(let v),
      .lessThanOrEqual(let v), .equal(let v):
      return [v]
    case .between(let low, let high): return [low, high]
    }
  }
}

/// Settings of sheet protection (`lxw_protection`): what users may still do on a protected
/// sheet. The defaults are Excel's: select any cell, nothing else.
public struct SheetProtection: Sendable, Hashable {
  /// May select locked cells.
  public var allowsSelectingLockedCells = true
  /// May select unlocked cells.
  public var allowsSelectingUnlockedCells = true
  /// May format cells.
  public var allowsFormattingCells = false
  /// May resize/format columns.
  public var allowsFormattingColumns = false
  /// May resize/format rows.
  public var allowsFormattingRows = false
  /// May insert rows.
  public var allowsInsertingRows = false
  /// May delete rows.
  public var allowsDeletingRows = false
  /// May sort.
  public var allowsSorting = false
  /// May use an existing autofilter.
  public var allowsAutoFilter = false

  /// Creates Excel's default protection.
  public init() {}
}

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
