import Foundation

/// Sheet names Excel accepts, made from any text (a group or product name from CAMAP).
public enum SheetName {
    /// Excel's limit, in UTF-16 units (libxlsxwriter counts code points; this is the stricter one).
    public static let maximumLength = 31
    /// Used when nothing printable is left of the original text.
    public static let fallback = "Feuille"

    /// A valid, unique name close to `raw`: `[]` become `()`, `:*?/\` and control characters become
    /// `-` or a space, leading and trailing apostrophes go, the text is cut to 31 characters at a
    /// character boundary, and a clash with `taken` (compared case-insensitively, as Excel does)
    /// gets a ` (2)`, ` (3)`… suffix. A `tail` (` — grille`) is kept whole: the text is cut before it.
    public static func safe(_ raw: String, tail: String = "", avoiding taken: some Sequence<String> = [String]()) -> String {
        let base = cleaned(raw)
        // At most 16 units of tail, so that some of the text and a ` (99)` always fit.
        let tail = tail.isEmpty ? "" : " " + truncated(cleaned(tail), to: 15)
        let takenKeys = Set(taken.map(key))
        func free(_ name: String) -> Bool {
            !takenKeys.contains(key(name)) && key(name) != "history" // Excel reserves "History"
        }
        let first = truncated(base, to: maximumLength - tail.utf16.count) + tail
        if free(first) { return first }
        var n = 2
        while true {
            let suffix = tail + " (\(n))"
            let candidate = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
            if free(candidate) { return candidate }
            n += 1
        }
    }

    /// Whether Excel and libxlsxwriter would accept `name` as it is (uniqueness aside).
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= maximumLength && cleaned(name) == name
    }

    static func key(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }

    private static func cleaned(_ raw: String) -> String {
        var out = ""
        for scalar in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "[": out.append("(")
            case "]": out.append(")")
            case ":", "*", "?", "/", "\\": out.append("-")
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace {
                    out.append(" ")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        let collapsed = out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let trimmed = trimmingApostrophes(collapsed)
        return trimmed.isEmpty ? fallback : trimmed
    }

    private static func trimmingApostrophes(_ text: String) -> String {
        var chars = Substring(text)
        while let c = chars.first, c == "'" || c == " " { chars.removeFirst() }
        while let c = chars.last, c == "'" || c == " " { chars.removeLast() }
        return String(chars)
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units, without trailing
    /// spaces or apostrophes.
    private static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var units = 0
        for character in text {
            let size = String(character).utf16.count
            if units + size > limit { break }
            result.append(character)
            units += size
        }
        let trimmed = trimmingApostrophes(result)
        return trimmed.isEmpty ? String(fallback.prefix(limit)) : trimmed
    }
}
