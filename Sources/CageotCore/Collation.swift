import Foundation

/// Sort keys that ignore case and accents, as French readers expect a list of names
/// (`Élodie` next to `Elodie`, `Le Goff` before `LEMAIRE`). PostgreSQL's C.UTF-8 collation
/// sorts by bytes, so names are sorted here.
public enum Collation {
    /// Folds a string to a comparable key: accents removed, ligatures expanded, lower case.
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
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
        return String(out)
    }

    /// Orders tuples of names by their keys, then by the raw strings, so the order is total.
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        let ka = a.map(key), kb = b.map(key)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        return a.lexicographicallyPrecedes(b)
    }
}
