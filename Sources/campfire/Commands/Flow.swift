import ArgumentParser
import Foundation
import Workshop

/// `campfire flow`: the workshop flow graph, drawn from the state machine itself.
struct Flow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flow", abstract: "Print the workshop flow as a graph (Graphviz dot or Mermaid).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "standard, principles-only, stories-and-goal, or the path of your own template file.")
    var template: String = "standard"

    @Option(name: .long, help: "dot or mermaid.")
    var format: Format = .dot

    func run() throws {
        let content = try options.content()
        let chosen: WorkshopTemplate
        do { chosen = try content.template(named: template) } catch { throw plain(error) }
        let flow = WorkshopFlow(template: chosen)
        switch format {
        case .dot: print(flow.machine.dot(name: "campfire_\(chosen.name.replacingOccurrences(of: "-", with: "_"))"), terminator: "")
        case .mermaid: print(flow.machine.mermaid(), terminator: "")
        }
    }
}
