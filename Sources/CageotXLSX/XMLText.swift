/// Text as a workbook's XML may hold it.
///
/// libxlsxwriter 1.1.4 copies a string's characters into the sheet's XML as they are, but XML 1.0
/// forbids the C0 controls other than tab, line feed and carriage return: one `\u{01}` in a member's
/// name and Excel calls the whole file corrupt (openpyxl: "not well-formed (invalid token)"). A NUL
/// would also cut the C string short. Tabs and carriage returns become spaces (a cell is not a
/// terminal), the other controls, C1 included, and the non-characters U+FFFE and U+FFFF go.
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

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
