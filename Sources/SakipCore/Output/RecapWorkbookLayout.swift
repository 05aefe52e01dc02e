import SakipXLSX

/// The recap workbook of SPEC §8 (placeholder: one sheet until the full layout lands).
public enum RecapWorkbookLayout {
  public static func write(_ recap: Recap, to path: String, context: RunContext) throws(SakipError) {
    do {
      try Workbook.write(toPath: path, options: WorkbookOptions(creationDate: context.now)) { workbook in
        let sheet = try workbook.addWorksheet(named: "Ringkasan")
        try sheet.write("Rekapitulasi", row: 0, col: 0)
      }
    } catch {
      throw .outputFailed(path: path, reason: "\(error)")
    }
  }
}
