/// Safe, readable file and folder names from free text (`AMAP du Jardin de Rezé` → `amap-du-jardin-de-reze`).
public enum FileName {
    /// Lower-case ASCII letters and digits separated by single dashes; never empty, never `..`.
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        var out = ""
        for ch in Collation.key(text).unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        let cut = String(out.prefix(maxLength))
        return cut.isEmpty ? "sans-nom" : (cut.hasSuffix("-") ? String(cut.dropLast()) : cut)
    }
}
