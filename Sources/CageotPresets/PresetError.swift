/// A preset that cannot be used, located precisely: the file, the line and the key, and what to do.
public struct PresetError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based; nil for command-line overrides and whole-file problems.
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file; self.line = line; self.key = key; self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
