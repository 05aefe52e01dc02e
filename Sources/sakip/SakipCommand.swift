import ArgumentParser
import SakipCore

@main
struct SakipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sakip")
}
