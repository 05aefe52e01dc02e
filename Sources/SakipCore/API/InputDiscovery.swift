import Foundation

/// Finds the forms in the paths the user gave: files as given, folders searched (with their
/// sub-folders) for `*.csv`, in path order. Hidden files and Excel lock files (`~$…`) are
/// skipped.
enum InputDiscovery {
  static func forms(in paths: [String], excluding definitions: String? = nil) throws(SakipError) -> [String] {
    var result: [String] = []
    let fm = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .usage(.pathNotFound(path))
      }
      guard isDirectory.boolValue else {
        result.append(path)
        continue
      }
      let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
        .filter { name in
          let base = (name as NSString).lastPathComponent
          return base.lowercased().hasSuffix(".csv") && !base.hasPrefix(".") && !base.hasPrefix("~$")
        }
        .sorted()
        .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
      guard !found.isEmpty else { throw .usage(.noFormsIn(path)) }
      result.append(contentsOf: found)
    }
    // The definitions file may sit in the same folder as the forms; it is not a form.
    var seen: Set<String> = definitions.map { [OutputPaths.identity($0)] } ?? []
    return result.filter { seen.insert(OutputPaths.identity($0)).inserted }
  }
}
