extension ReportRenderer {
  /// What went wrong, and what to do, for an error that stops a command.
  public func text(_ error: SakipError) -> String {
    switch error {
    case .usage(let problem):
      return usage(problem)
    case .definitionsUnreadable(let path, let reason):
      return (isID ? "Definisi indikator \(path) tidak dapat dibaca. " : "The indicator definitions \(path) cannot be read. ")
        + catalog.unreadable(reason)
    case .definitionsRefused(let findings):
      var out = isID
        ? "Definisi indikator ditolak: \(findings.filter { $0.severity == .error }.count) masalah harus diperbaiki lebih dulu.\n"
        : "The indicator definitions are refused: \(findings.filter { $0.severity == .error }.count) problems must be fixed first.\n"
      for finding in findings {
        out += "  \(catalog.severityLabel(finding.severity))  \(location(finding))\n    \(catalog.text(finding))\n"
      }
      out += isID
        ? "Perbaiki berkas definisi (PK dan Rencana Aksi), lalu jalankan ulang."
        : "Fix the definitions file (PK and action plan), then run again."
      return out
    case .outputFailed(let path, let reason):
      return isID
        ? "Keluaran \(path) tidak dapat ditulis (\(reason)). Tidak ada berkas setengah jadi yang tertinggal; berkas lama, jika ada, tidak berubah. Periksa folder tujuan dan ruang disk, lalu jalankan ulang."
        : "The output \(path) could not be written (\(reason)). No half-written file was left; any earlier file is unchanged. Check the folder and the free disk space, then run again."
    }
  }

  func usage(_ problem: UsageProblem) -> String {
    switch (problem, isID) {
    case (.pathNotFound(let p), true): "\(p) tidak ditemukan. Periksa nama berkas atau folder."
    case (.pathNotFound(let p), false): "\(p) was not found. Check the file or folder name."
    case (.noFormsIn(let p), true): "Folder \(p) tidak berisi berkas .csv. Simpan formulir dari Excel sebagai CSV ke folder itu."
    case (.noFormsIn(let p), false): "The folder \(p) holds no .csv file. Save the forms from Excel as CSV into it."
    case (.periodUnknown, true): "Triwulan tidak diketahui: formulir tidak menyebut periodenya. Tambahkan --period TW1…TW4."
    case (.periodUnknown, false): "The period is unknown: the forms do not name it. Add --period TW1…TW4."
    case (.invalidPeriod(let t), true): "Periode \"\(t)\" tidak dikenal. Gunakan TW1, TW2, TW3 atau TW4."
    case (.invalidPeriod(let t), false): "Period \"\(t)\" is not known. Use TW1, TW2, TW3 or TW4."
    case (.invalidThresholds(let t), true): "Batas kategori \"\(t)\" tidak sah. Tulis empat angka menurun, mis. 91,76,66,51."
    case (.invalidThresholds(let t), false): "Category thresholds \"\(t)\" are not valid. Write four decreasing numbers, e.g. 91,76,66,51."
    case (.invalidSigner(let t), true): "Penandatangan \"\(t)\" tidak sah. Tulis \"Nama|Jabatan|NIP\"."
    case (.invalidSigner(let t), false): "Signer \"\(t)\" is not valid. Write \"Name|Position|NIP\"."
    case (.outputIsInput(let p), true): "\(p) adalah salah satu berkas masukan; sakip tidak pernah menimpa masukan. Pilih nama atau folder keluaran lain."
    case (.outputIsInput(let p), false): "\(p) is one of the inputs; sakip never overwrites an input. Choose another output name or folder."
    case (.sameOutputTwice(let p), true): "\(p) diminta untuk dua keluaran sekaligus. Beri --out dan --json nama yang berbeda."
    case (.sameOutputTwice(let p), false): "\(p) is asked for two outputs at once. Give --out and --json different names."
    }
  }
}
