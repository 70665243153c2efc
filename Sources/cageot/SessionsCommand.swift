import ArgumentParser
import CageotStore

/// `cageot sessions`: lists the distribution sessions, to pick an id for `cageot sheet`.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List distribution sessions (id, date, group, baskets).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only this group (\"Group\".id).")
    var group: Int?

    func run() throws {
        try Failure.report {
            for session in try CamapStore(try global.connect()).sessions(group: group) {
                print("\(session.id)\t\(session.start)\t\(session.groupName)\t\(session.baskets) paniers")
            }
        }
    }
}
