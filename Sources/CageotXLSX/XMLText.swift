/// Text for the parts of a workbook libxlsxwriter does not escape.
///
/// libxlsxwriter 1.1.4 escapes control characters in cells (`_x0001_`, see PartTests), but copies
/// page headers and footers, chart titles and document properties into the XML as they are, and
/// XML 1.0 forbids the C0 controls other than tab, line feed and carriage return: one `\u{01}` in a
/// contract's name in a sheet's header and Excel calls the whole workbook corrupt (openpyxl: "not
/// well-formed (invalid token)"). Tabs and carriage returns become spaces, the other controls, C1
/// included, and the non-characters U+FFFE and U+FFFF go.
enum XMLText {
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\r" {
                out.append(" ")
            } else if !isUnsafe(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A cell's text: libxlsxwriter escapes its controls itself, not the non-characters U+FFFE and
    /// U+FFFF, which XML 1.0 forbids too (one in a name and openpyxl refuses the whole file).
    static func cell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
