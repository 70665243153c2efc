/// The fonts folder cannot give Cageot the fonts it draws with.
public struct FontError: Error, CustomStringConvertible, Sendable {
    /// The folder that was searched.
    public var directory: String
    /// What is wrong with it, as a sentence fragment.
    public var reason: String

    public init(directory: String, reason: String) {
        self.directory = directory; self.reason = reason
    }

    public var description: String {
        "Cannot use the fonts folder \(directory): \(reason). Point Cageot at the repository's Fonts/ folder "
            + "(DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSansCondensed.ttf, DejaVuSansCondensed-Bold.ttf)."
    }
}
