/// Turns the bits of HTML that CAMAP stores in free text (`txtDistrib`) into plain text.
public enum PlainText {
    /// Block tags become line breaks, other tags vanish, entities are decoded, blank runs collapse.
    public static func fromHTML(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        while index < html.endIndex {
            let ch = html[index]
            // A tag opens only with `<` followed by a letter, `/`, `!` or `?`: "< 3 paniers" is text.
            let next = html.index(after: index) < html.endIndex ? html[html.index(after: index)] : " "
            if ch == "<", next.isLetter || "/!?".contains(next), let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "ul", "ol", "table"].contains(String(name)) {
                    out += name == "li" && !tag.hasPrefix("/") ? "\n• " : "\n"
                }
                index = html.index(after: close)
                // Scripts and styles are code, not text for members: skip to their end tag.
                if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    let end = html[index...].range(of: "</\(name)", options: .caseInsensitive)
                    index = end.flatMap { html[$0.upperBound...].firstIndex(of: ">") }.map { html.index(after: $0) } ?? html.endIndex
                }
            } else if ch == "&", let semi = html[index...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semi])
                if let decoded = decode(entity) {
                    out += decoded
                    index = html.index(after: semi)
                } else {
                    out.append(ch)
                    index = html.index(after: index)
                }
            } else {
                out.append(ch)
                index = html.index(after: index)
            }
        }
        return collapse(out)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "acirc": "â", "ccedil": "ç",
        "ocirc": "ô", "ucirc": "û", "ugrave": "ù", "icirc": "î", "iuml": "ï", "euml": "ë",
        "oelig": "œ", "Eacute": "É", "euro": "€", "rsquo": "’", "lsquo": "‘", "laquo": "«", "raquo": "»",
        "hellip": "…", "ndash": "–", "mdash": "—",
    ]

    private static func decode(_ entity: String) -> String? {
        if let value = named[entity] { return value }
        guard entity.hasPrefix("#") else { return nil }
        let digits = entity.dropFirst()
        let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    /// Trims each line, keeps at most one empty line between paragraphs, drops control characters.
    private static func collapse(_ text: String) -> String {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Tabs and carriage returns separate words; other control and format characters go.
            let spaced = raw.unicodeScalars.map { $0 == "\t" || $0 == "\r" ? " " : $0 }
            let cleaned = String(String.UnicodeScalarView(spaced.filter { !$0.properties.generalCategory.isControl }))
            let words = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            let line = words.joined(separator: " ")
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .format }
}
