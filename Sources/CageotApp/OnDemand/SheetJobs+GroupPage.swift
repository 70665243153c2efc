import CageotCore
import CageotLayout

extension SheetJobs {
    /// Group `group`'s coordinators' page: its name and its first `sessions` sessions not over at
    /// `now`. Throws `NotFound` for an unknown group.
    public func groupPage(_ group: Int, now: LocalDateTime, sessions: Int = 8) throws -> GroupPageData {
        try store.groupPageData(group: group, now: now, limit: sessions)
    }

    /// The presets of `layouts/` that lay out a session's sheet, by name, with their description:
    /// the choices of the page's preset picker.
    public func sessionPresets() -> [(name: String, description: String)] {
        presets.list(kind: .session)
    }
}
