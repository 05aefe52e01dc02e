extension Form {
  /// What the checks after merging still read of a form once its values are merged: its title
  /// block, the section most of its rows belong to, and only the rows whose unit or annual
  /// target differ from the definitions, without their values and free texts. A country's
  /// millions of rows are not kept for the few that are reported.
  public func remains(for definitions: IndicatorDefinitions) -> Form {
    var form = self
    form.sectionOfMostRows =
      sectionOfMostRows ?? Validator.mostCommon(rows.compactMap { definitions.section(of: $0.code) })
    let parser = NumberParser(decimalMark: decimalMark)
    form.rows = rows.compactMap { row in
      guard let definition = definitions[row.code] else { return nil }
      let differs = Validator.differences(row, definition, parser: parser)
      guard differs.target || differs.unit else { return nil }
      var kept = FormRow(code: row.code, line: row.line)
      kept.unit = row.unit
      kept.targetText = row.targetText
      return kept
    }
    return form
  }
}
