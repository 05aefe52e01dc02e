import Foundation

/// Guards the promise of SPEC §1 that an input file is never modified: no output may land on
/// an input, and no two outputs on the same file.
enum OutputPaths {
  /// The file a path names, with `.`/`..` and symbolic links resolved.
  static func identity(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
  }

  static func check(outputs: [String], inputs: [String]) throws(SakipError) {
    let inputSet = Set(inputs.map(identity))
    var seen: Set<String> = []
    for output in outputs {
      let id = identity(output)
      if inputSet.contains(id) { throw .usage(.outputIsInput(output)) }
      if !seen.insert(id).inserted { throw .usage(.sameOutputTwice(output)) }
    }
  }
}
