import SakipCSV

/// The definitions file as read: the indicators, and every problem found in it. The
/// definitions are usable only when no problem is an error (SPEC §2: refused with every bad row
/// listed).
public struct DefinitionsReading: Sendable {
  public var definitions: IndicatorDefinitions
  public var findings: [Finding]
  public var isUsable: Bool { !findings.contains { $0.severity == .error } }
}

/// Reads the indicator definitions (the PK and Rencana Aksi in one table) from CSV records.
public struct DefinitionsReader: Sendable {
  public var file: String
  public var decimalMark: DecimalMark

  /// Excel's limit on the text of one cell (UTF-16 units).
  static let maxCellLength = 32_767

  public init(file: String, decimalMark: DecimalMark) {
    self.file = file
    self.decimalMark = decimalMark
  }

  /// Reads the definitions from all the records of the file, in file order.
  public func read(_ records: [CSVRecord]) -> DefinitionsReading {
    var reading = Reading(self)
    for record in records { reading.add(record) }
    return reading.finish()
  }

  /// The definitions file being read record by record, in file order: neither the file's
  /// records nor its rows as read are ever all held at once.
  ///
  /// Records after the header wait in a batch; a full batch is read on every core, each row on
  /// its own, then joined in file order, where duplicates are found.
  struct Reading {
    let reader: DefinitionsReader
    /// Rows read on every core at once.
    static let batchSize = 8192

    /// The line of the file's first record, where a file without a header is refused.
    private var firstLine: Int?
    private var header: (line: Int, columns: [DefinitionColumn: (index: Int, name: String)])?
    /// Required columns missing from the header: the file is refused without reading its rows.
    private var missingColumns: [DefinitionColumn] = []
    private var batch: [CSVRecord] = []
    private var findings: [Finding] = []
    /// The valid rows, packed as they come: each code's first line is found there.
    private var indicators: IndicatorList.Builder
    /// The rows with a code that are not valid (so not among `indicators`), in file order,
    /// for the cascade; each code's place among them.
    private var invalidRows: [(code: IndicatorCode, line: Int, parent: IndicatorCode?)] = []
    private var invalidRowPlaces: [IndicatorCode: Int] = [:]
    /// Every indicator of a section repeats its name and most repeat a unit: one copy of each.
    private var sharedTexts: Set<String> = []

    /// Starts reading; `expectedRows` (a file's line count) reserves room for the indicators
    /// at once, rather than growing their array by doubling while the file's text is held.
    init(_ reader: DefinitionsReader, expectedRows: Int = 0) {
      self.reader = reader
      indicators = IndicatorList.Builder(expectedCount: expectedRows)
    }

    /// Takes the next record of the file.
    mutating func add(_ record: CSVRecord) {
      guard header != nil else {
        if firstLine == nil { firstLine = record.line }
        if record.fields.contains(where: HeaderMatcher.isCodeHeader) { readHeader(record) }
        return
      }
      guard missingColumns.isEmpty else { return }
      if batch.isEmpty { batch.reserveCapacity(Self.batchSize) }
      batch.append(record)
      if batch.count == Self.batchSize { readBatch() }
    }

    private mutating func readHeader(_ record: CSVRecord) {
      var columns: [DefinitionColumn: (index: Int, name: String)] = [:]
      for (i, name) in record.fields.enumerated() {
        if let column = HeaderMatcher.definitionColumn(of: name), columns[column] == nil {
          columns[column] = (i, name.trimmed)
        }
      }
      header = (record.line, columns)
      missingColumns = DefinitionColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
    }

    /// Reads the waiting rows on every core and joins them in file order.
    private mutating func readBatch() {
      guard let columns = header?.columns, !batch.isEmpty else { return }
      let reader = self.reader
      let rows = parallelChunks(batch[...], chunkSize: 2048) { $0.compactMap { reader.readRow($0, columns) } }
      batch.removeAll(keepingCapacity: true)
      for row in rows {
        findings += row.missingCells
        guard let code = row.code else { continue }
        if let first = firstLine(of: code) {
          report(row.line, row.codeColumn, code, .definitionDuplicate(firstLine: first))
          continue
        }
        if row.definition == nil {
          invalidRowPlaces[code] = invalidRows.count
          invalidRows.append((code, row.line, row.parent))
        }
        findings += row.problems
        if var definition = row.definition {
          definition.unit = sharedTexts.insert(definition.unit).memberAfterInsert
          definition.section = sharedTexts.insert(definition.section).memberAfterInsert
          indicators.append(definition)
        }
      }
    }

    /// The line where `code` was first defined, by a valid row or not.
    private func firstLine(of code: IndicatorCode) -> Int? {
      if let place = indicators.place(of: code) { return indicators.line(at: place) }
      return invalidRowPlaces[code].map { invalidRows[$0].line }
    }

    private mutating func report(
      _ line: Int?, _ column: String?, _ code: IndicatorCode?, _ message: FindingMessage,
      severity: Severity = .error
    ) {
      findings.append(
        Finding(.invalidDefinition, severity: severity,
          at: SourceLocation(file: reader.file, line: line, column: column), indicator: code, message))
    }

    /// The cascade: every parent exists, and no indicator is its own ancestor. A row of the
    /// cascade is a valid row (its place in `built`) or another row with a code (the count of
    /// valid rows plus its place in `invalidRows`); its parent is found by code.
    private mutating func checkCascade(
      _ built: (indicators: IndicatorList, positions: CodeIndex), parentColumn: String
    ) {
      let valid = built.indicators.count
      let invalidRows = self.invalidRows
      let invalidRowPlaces = self.invalidRowPlaces
      func row(of code: IndicatorCode) -> Int? {
        built.positions[code] ?? invalidRowPlaces[code].map { valid + $0 }
      }
      func code(_ row: Int) -> IndicatorCode {
        row < valid ? IndicatorCode(built.indicators.code(at: row)) : invalidRows[row - valid].code
      }
      func line(_ row: Int) -> Int {
        row < valid ? built.indicators.line(at: row) : invalidRows[row - valid].line
      }
      func parent(_ row: Int) -> IndicatorCode? {
        row < valid ? built.indicators.parent(at: row) : invalidRows[row - valid].parent
      }

      // The rows that name a parent, in file order: both kinds are in file order.
      var children: [UInt32] = []
      var nextInvalid = 0
      func takeInvalid(before end: Int) {
        while nextInvalid < invalidRows.count, invalidRows[nextInvalid].line < end {
          if invalidRows[nextInvalid].parent != nil { children.append(UInt32(valid + nextInvalid)) }
          nextInvalid += 1
        }
      }
      for place in 0..<valid where built.indicators.hasParent(at: place) {
        takeInvalid(before: built.indicators.line(at: place))
        children.append(UInt32(place))
      }
      takeInvalid(before: .max)

      var parentOf = [UInt32](repeating: DefinitionsReader.noRow, count: valid + invalidRows.count)
      var known = 0
      for child in children {
        guard let parentCode = parent(Int(child)) else { continue }
        if let parentRow = row(of: parentCode) {
          parentOf[Int(child)] = UInt32(parentRow)
          known += 1
        } else {
          report(line(Int(child)), parentColumn, code(Int(child)), .definitionParentUnknown(parentCode))
        }
      }
      let onCycle = DefinitionsReader.rowsOnCycles(starts: children, parentOf: parentOf).rows
      // Each cycle reported once, at its first row; the path names each parent as its child's
      // row wrote it.
      var reportedCycles: Set<UInt32> = []
      for child in children where onCycle.contains(child) && !reportedCycles.contains(child) {
        var rows = [child]
        var path = [code(Int(child))]
        var current = child
        while parentOf[Int(current)] != DefinitionsReader.noRow, parentOf[Int(current)] != child,
          rows.count <= known, let parentCode = parent(Int(current))
        {
          path.append(parentCode)
          current = parentOf[Int(current)]
          rows.append(current)
        }
        report(line(Int(child)), parentColumn, code(Int(child)), .definitionCycle(path + [code(Int(child))]))
        reportedCycles.formUnion(rows)
      }
    }

    /// Checks the rows against each other (the cascade, the targets) once all are read.
    mutating func finish() -> DefinitionsReading {
      guard let header else {
        report(firstLine, nil, nil, .definitionColumnsMissing(["kode"]))
        return DefinitionsReading(definitions: IndicatorDefinitions([]), findings: findings)
      }
      if !missingColumns.isEmpty {
        report(header.line, nil, nil, .definitionColumnsMissing(missingColumns.map(\.rawValue)))
        return DefinitionsReading(definitions: IndicatorDefinitions([]), findings: findings)
      }
      readBatch()
      batch = []
      sharedTexts = []

      let built = indicators.finish()
      checkCascade(built, parentColumn: header.columns[.parent]?.name ?? DefinitionColumn.parent.rawValue)
      invalidRows = []
      invalidRowPlaces = [:]

      for indicator in built.indicators {
        for warning in TargetWarning.warnings(for: indicator) {
          let (column, message) = warning.finding
          report(indicator.line, column, indicator.code, message, severity: .warning)
        }
      }
      if built.indicators.isEmpty && findings.isEmpty {
        report(header.line, nil, nil, .definitionEmpty)
      }
      findings.sort { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
      let definitions = IndicatorDefinitions(built)
      return DefinitionsReading(definitions: definitions, findings: findings)
    }
  }

  /// One definitions row as read on its own, before it is checked against the others.
  struct RowReading: Sendable {
    var line: Int
    /// `nil` when the row has no code (reported in `missingCells`).
    var code: IndicatorCode?
    var codeColumn: String
    /// Required cells left empty: reported even when the row turns out to repeat a code.
    var missingCells: [Finding] = []
    /// Everything else wrong in the row.
    var problems: [Finding] = []
    var parent: IndicatorCode?
    /// The indicator, when the row is valid.
    var definition: IndicatorDefinition?
  }

  /// Reads one row on its own; `nil` for a blank one.
  func readRow(_ record: CSVRecord, _ columns: [DefinitionColumn: (index: Int, name: String)]) -> RowReading? {
    func cell(_ column: DefinitionColumn) -> String? {
      guard let c = columns[column], c.index < record.fields.count else { return nil }
      let text = record.fields[c.index].trimmed
      return text.isEmpty ? nil : text
    }
    func name(_ column: DefinitionColumn) -> String { columns[column]?.name ?? column.rawValue }
    if record.fields.allSatisfy({ $0.trimmed.isEmpty }) { return nil }
    let line = record.line
    var row = RowReading(line: line, codeColumn: name(.code))
    func finding(_ column: String?, _ code: IndicatorCode?, _ message: FindingMessage) -> Finding {
      Finding(.invalidDefinition, at: SourceLocation(file: file, line: line, column: column), indicator: code, message)
    }
    guard let codeText = cell(.code) else {
      row.missingCells.append(finding(name(.code), nil, .definitionValueMissing))
      return row
    }
    let code = IndicatorCode(codeText)
    row.code = code
    var rowIsValid = true
    for column in DefinitionColumn.allCases where column.isRequired && column != .code {
      if cell(column) == nil {
        row.missingCells.append(finding(name(column), code, .definitionValueMissing))
        rowIsValid = false
      }
    }
    func report(_ column: String, _ message: FindingMessage) {
      row.problems.append(finding(column, code, message))
    }
    let parser = NumberParser(decimalMark: decimalMark)
    // Every definitions text goes into workbook cells (template, recap), which Excel caps.
    // UTF-16 is never longer than UTF-8: only a long text needs counting in UTF-16.
    if record.fields.contains(where: { $0.utf8.count > Self.maxCellLength }) {
      for (column, c) in columns.sorted(by: { $0.value.index < $1.value.index })
      where c.index < record.fields.count && record.fields[c.index].utf16.count > Self.maxCellLength {
        report(name(column), .definitionTextTooLong(length: record.fields[c.index].utf16.count))
        rowIsValid = false
      }
    }

    func target(_ column: DefinitionColumn) -> Target? {
      guard let text = cell(column) else { return nil }
      switch parser.parse(text) {
      case .number(let n, _): return .number(n)
      case .notReported: return nil
      case .invalid(let problem):
        if text.contains(where: \.isNumber) {
          report(name(column), .definitionNotNumber(text, problem, decimalMark))
          rowIsValid = false
          return nil
        }
        return .grade(text)
      }
    }
    func number(_ column: DefinitionColumn) -> Double? {
      guard let text = cell(column) else { return nil }
      switch parser.parse(text) {
      case .number(let n, _): return n
      case .notReported: return nil
      case .invalid(let problem):
        report(name(column), .definitionNotNumber(text, problem, decimalMark))
        rowIsValid = false
        return nil
      }
    }
    func keyword<T>(_ column: DefinitionColumn, _ table: [String: T], allowed: [String]) -> T? {
      guard let text = cell(column) else { return nil }
      if let value = table[HeaderMatcher.fold(text)] { return value }
      report(name(column), .definitionUnknownWord(text, allowed: allowed))
      rowIsValid = false
      return nil
    }

    let annual = target(.annualTarget)
    if annual == nil, cell(.annualTarget) != nil, rowIsValid {
      // `-` or `n/a` where the annual target belongs: a PK row needs a target.
      report(name(.annualTarget), .definitionValueMissing)
      rowIsValid = false
    }
    var quarterTargets: [Quarter: Target] = [:]
    for column in [DefinitionColumn.targetQ1, .targetQ2, .targetQ3, .targetQ4] {
      if let q = column.quarter, let t = target(column) { quarterTargets[q] = t }
    }
    let level = keyword(.level, Self.levels, allowed: CascadeLevel.allCases.map(\.rawValue))
    let polarity = keyword(.polarity, Self.polarities, allowed: ["positif", "negatif"])
    let aggregation = keyword(
      .aggregation, Self.aggregations, allowed: Aggregation.allCases.map(\.rawValue))
    let iku = keyword(.keyIndicator, Self.flags, allowed: ["ya", "tidak"])
    let ceiling = number(.ceiling)
    let parent = cell(.parent).map(IndicatorCode.init)
    row.parent = parent

    guard rowIsValid, let annual, let wording = cell(.wording), let unit = cell(.unit),
      let section = cell(.section)
    else { return row }
    row.definition = IndicatorDefinition(
        code: code, wording: wording, unit: unit, section: section, annualTarget: annual,
        quarterTargets: quarterTargets, level: level, parent: parent, isKeyIndicator: iku,
        polarity: polarity ?? .positive, aggregation: aggregation ?? .last, ceiling: ceiling,
        strategicTarget: target(.strategicTarget), lastYearRealisation: target(.lastYear),
        line: line)
    return row
  }

  private static let levels: [String: CascadeLevel] = [
    "tujuan": .goal, "goal": .goal, "sasaran": .objective, "sasaranstrategis": .objective,
    "objective": .objective, "program": .program, "kegiatan": .activity, "activity": .activity,
    "subkegiatan": .subActivity, "subactivity": .subActivity,
  ]
  private static let polarities: [String: Polarity] = [
    "positif": .positive, "positive": .positive, "+": .positive, "negatif": .negative,
    "negative": .negative,
  ]
  private static let aggregations: [String: Aggregation] = [
    "akhir": .last, "last": .last, "jumlah": .sum, "sum": .sum, "total": .sum,
    "ratarata": .mean, "rerata": .mean, "mean": .mean, "average": .mean, "maks": .maximum,
    "max": .maximum, "maksimum": .maximum, "maximum": .maximum, "min": .minimum,
    "minimum": .minimum,
  ]
  private static let flags: [String: Bool] = [
    "ya": true, "y": true, "yes": true, "1": true, "true": true, "tidak": false, "t": false,
    "no": false, "n": false, "0": false, "false": false, "bukan": false,
  ]
}

extension TargetWarning {
  /// The definitions column the warning points at, and what it says.
  var finding: (column: String, message: FindingMessage) {
    switch self {
    case .quarterSumDiffersFromAnnual(let sum, let annual):
      ("target", .definitionQuarterTargetsSum(sum: sum, annual: annual))
    case .fourthQuarterDiffersFromAnnual(let q4, let annual):
      ("target_tw4", .definitionLastQuarterTarget(q4: q4, annual: annual))
    case .quarterTargetsIncomplete(let missing):
      ("target_tw\(missing.first?.rawValue ?? 1)", .definitionQuarterTargetsIncomplete(missing))
    }
  }
}

extension DefinitionsReader {
  /// No row: a row without a known parent, or not yet walked.
  static let noRow = UInt32.max

  /// The codes that are their own ancestor through `parentOf`, walking up from each of
  /// `starts` (see ``rowsOnCycles(starts:parentOf:)``).
  static func codesOnCycles(
    starts: [IndicatorCode], parentOf: [IndicatorCode: IndicatorCode]
  ) -> (codes: Set<IndicatorCode>, steps: Int) {
    var codes: [IndicatorCode] = []
    var rows: [IndicatorCode: UInt32] = [:]
    func row(_ code: IndicatorCode) -> UInt32 {
      if let row = rows[code] { return row }
      rows[code] = UInt32(codes.count)
      codes.append(code)
      return UInt32(codes.count - 1)
    }
    let startRows = starts.map(row)
    for (child, parent) in parentOf { _ = (row(child), row(parent)) }
    var parentRows = [UInt32](repeating: noRow, count: codes.count)
    for (child, parent) in parentOf { parentRows[Int(row(child))] = row(parent) }
    let walk = rowsOnCycles(starts: startRows, parentOf: parentRows)
    return (Set(walk.rows.map { codes[Int($0)] }), walk.steps)
  }

  /// The rows that are their own ancestor through `parentOf` (each row's parent row, or
  /// ``noRow``), walking up from each of `starts`. Each row is stepped on once, so a long chain
  /// of parents (a fill-down mistake over thousands of rows) costs linear time; `steps` counts
  /// the steps taken.
  static func rowsOnCycles(starts: [UInt32], parentOf: [UInt32]) -> (rows: Set<UInt32>, steps: Int) {
    var onCycle: Set<UInt32> = []
    // The walk that first stepped on each row.
    var firstWalk = [UInt32](repeating: noRow, count: parentOf.count)
    var steps = 0
    var path: [UInt32] = []
    for (walk, start) in starts.enumerated() where firstWalk[Int(start)] == noRow {
      let walk = UInt32(truncatingIfNeeded: walk)
      path.removeAll(keepingCapacity: true)
      var current = start
      var metItself = false
      while true {
        steps += 1
        let earlier = firstWalk[Int(current)]
        if earlier != noRow {
          metItself = earlier == walk
          break
        }
        firstWalk[Int(current)] = walk
        path.append(current)
        let next = parentOf[Int(current)]
        guard next != noRow else { break }
        current = next
      }
      if metItself, let entry = path.lastIndex(of: current) { onCycle.formUnion(path[entry...]) }
    }
    return (onCycle, steps)
  }
}
