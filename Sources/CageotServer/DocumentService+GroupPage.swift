import CageotApp
import CageotCore
import CageotStore

extension DocumentService {
    /// What the coordinators' page shows: the group's coming sessions, the session presets, and
    /// the one picked (nil: the group's own default).
    struct GroupPage: Sendable {
        var data: GroupPageData
        var presets: [Preset]
        var layout: String?
    }

    struct Preset: Sendable, Hashable {
        var name: String
        var description: String
    }

    /// The sessions shown on the page.
    static let comingSessions = 8

    /// Group `group`'s page for `token`: 404 for another group's token, as for its documents;
    /// 400 when `layout` is not a session preset.
    func groupPage(_ group: Int, layout: String?, token: String?) async throws -> GroupPage {
        try await authorized(token) { worker, connection, scope in
            let missing = Problem.notFound("There is no group with id \(group).")
            guard scope.covers(.group(group)) else { throw missing }
            let jobs = try Self.jobs(worker, connection, layout: nil)
            let presets = jobs.sessionPresets().map { Preset(name: $0.name, description: $0.description) }
            if let layout, !presets.contains(where: { $0.name == layout }) {
                throw Problem.badParameter("layout", "layout '\(layout)' is not a session sheet preset: use one of "
                                           + presets.map(\.name).joined(separator: ", ") + ".")
            }
            do {
                let data = try jobs.groupPage(group, now: worker.factory.environment.now, sessions: Self.comingSessions)
                return GroupPage(data: data, presets: presets, layout: layout)
            } catch is NotFound {
                throw missing
            }
        }
    }

    /// Checks that `token` is live (401 otherwise), before the page sets it as a cookie.
    func checkToken(_ token: String) async throws {
        try await authorized(token) { _, _, _ in }
    }
}
