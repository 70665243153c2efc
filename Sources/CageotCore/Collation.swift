import Foundation

/// Sort keys that ignore case and accents, as French readers expect a list of names
/// (`Élodie` next to `Elodie`, `Le Goff` before `LEMAIRE`). PostgreSQL's C.UTF-8 collation
/// sorts by bytes, so names are sorted here.
public enum Collation {
    /// Folds a string to a comparable key: accents removed, ligatures expanded, lower case.
    public static func key(_ text: String) -> String {
        // Most names are plain ASCII: lower-casing their bytes gives the same key without
        // Foundation's decomposition, which showed in profiles of the week's sheets.
        if let ascii = asciiKey(text) { return ascii }
        // ASCII letters fold byte by byte; only the runs of other characters go through Unicode
        // decomposition (the costly part). An ASCII character is never reordered by or merged into
        // a decomposition, so folding the runs apart gives the same key as folding the whole text.
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if !run.isEmpty { fold(String(run), into: &out); run = String.UnicodeScalarView() }
                let value = scalar.value
                out.append((65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
            } else if run.isEmpty, (0xA0..<0x250).contains(scalar.value) {
                // A Latin letter (É, ç, ő…): folded once for the process. None of these is a
                // combining mark, so alone or in a run it folds the same.
                out.append(contentsOf: latin[Int(scalar.value) - 0xA0].unicodeScalars)
            } else {
                run.append(scalar)
            }
        }
        if !run.isEmpty { fold(String(run), into: &out) }
        return String(out)
    }

    /// The folded form of U+00A0…U+024F (Latin-1 Supplement, Latin Extended-A and B).
    private static let latin: [String] = (0xA0..<0x250).map { value in
        var out = String.UnicodeScalarView()
        fold(String(Unicode.Scalar(UInt32(value))!), into: &out)
        return String(out)
    }

    /// Folds text with no ASCII character: decomposed, marks dropped, ligatures expanded, lower case.
    private static func fold(_ text: String, into out: inout String.UnicodeScalarView) {
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar {
            case "Œ", "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "Æ", "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
    }

    /// The key of an all-ASCII text (its bytes lower-cased), nil when the text has other characters.
    static func asciiKey(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Orders tuples of names by their keys, then by the raw strings, so the order is total.
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        SortKey(a) < SortKey(b)
    }

    /// Sorts by a tuple of names, folding each element once rather than at every comparison; equal
    /// names keep their order. The positions are sorted, not the items: this generic function is
    /// not specialized for callers in other modules, and sorting `(key, item)` pairs went through
    /// the items' value witnesses at every move (8 % of the payments workbooks' time).
    public static func sorted<T>(_ items: [T], by names: (T) -> [String]) -> [T] {
        order(items.map { SortKey(names($0)) }).map { items[$0] }
    }

    /// The positions of `keys` in ascending order, equal keys in their order.
    private static func order(_ keys: [SortKey]) -> [Int] {
        keys.indices.sorted { a, b in
            if keys[a] < keys[b] { return true }
            if keys[b] < keys[a] { return false }
            return a < b
        }
    }

    /// Folded names first, the raw names to break ties.
    struct SortKey: Comparable {
        var folded: [String]
        var raw: [String]
        init(_ raw: [String]) { self.raw = raw; folded = raw.map(Collation.key) }
        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.folded != b.folded { return a.folded.lexicographicallyPrecedes(b.folded) }
            return a.raw.lexicographicallyPrecedes(b.raw)
        }
    }
}
