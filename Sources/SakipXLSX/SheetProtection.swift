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
