/// Refuses, before TOMLKit sees it, text on which toml++ would abort.
///
/// toml++ (the C++ parser inside TOMLKit) asserts rather than reports in four places `scripts/fuzz`
/// found: a table header's `[` not followed by a key (`[#x]`, `[=`, `[` at the end of a line), an
/// array whose next value is `}` (`a = [}`, `a = [1,}`), and a date whose `T` is not followed by a
/// digit (`a = 1997-04-27Tx`), and ten characters shaped like a date, one space and one lone digit
/// (`a = 1997-04-27 7#`, `a =18\u{FFFD}9-05-2[ 7#`, `2= 7ns9-05-2= 7`: toml++ takes them for a date and
/// time and asserts the time goes on). Each aborted the whole process, and
/// without assertions is undefined behaviour. All are invalid TOML anyway, so the file is refused
/// here, naming its line, as TOMLKit would have refused it.
enum TOMLHeaderGuard {
    /// `example` is the documented file the error points to (`docs/costs.example.toml`).
    static func check(_ text: String, path: String, example: String = "docs/costs.example.toml") throws(TOMLFileError) {
        let bytes = Array(text.utf8)
        // toml++ skips a byte order mark: what follows it starts the first line.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, line = 1
        var onlyBlanksSoFar = true  // since the start of the line
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        func isBlank(_ b: UInt8?) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        /// The next byte that is not blank, a line break or a comment, from `start`.
        func nextSignificant(_ start: Int) -> UInt8? {
            var i = start
            while let b = byte(i) {
                if isBlank(b) || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                    i += 1
                } else if b == UInt8(ascii: "#") {
                    while let c = byte(i), c != UInt8(ascii: "\n") { i += 1 }
                } else {
                    return b
                }
            }
            return nil
        }
        while let b = byte(index) {
            switch b {
            case UInt8(ascii: "\n"):
                line += 1
                onlyBlanksSoFar = true
                index += 1
                continue
            case UInt8(ascii: "#"):
                while let c = byte(index), c != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if index == 0 || opensString(after: bytes[index - 1]) {
                    index = endOfString(bytes, from: index, line: &line)
                    onlyBlanksSoFar = false
                    continue
                }
            case UInt8(ascii: "["):
                if onlyBlanksSoFar {
                    // A header: `[` or `[[`, blanks, then a key, a quote or `]` on the same line
                    // (the end of the text is an error toml++ reports itself).
                    var i = index + 1
                    if byte(i) == UInt8(ascii: "[") { i += 1 }
                    while isBlank(byte(i)) { i += 1 }
                    if let next = byte(i), !(isBare(next) || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") || next == UInt8(ascii: "]")) {
                        throw failure(path: path, example: example, line: line, "a table header is a name in brackets, e.g. [allocation] or [[item]]")
                    }
                }
                if nextSignificant(index + 1) == UInt8(ascii: "}") {
                    throw failure(path: path, example: example, line: line, "a list opened with [ is closed with ]")
                }
            case UInt8(ascii: ","):
                if nextSignificant(index + 1) == UInt8(ascii: "}") {
                    throw failure(path: path, example: example, line: line, "a comma must be followed by a value")
                }
            case UInt8(ascii: "T"), UInt8(ascii: "t"):
                // A date and `T` go on with a time: toml++ asserts the next byte is a digit.
                if index >= 10, isDate(bytes[(index - 10)..<index]), let next = byte(index + 1), !isDigit(next) {
                    throw failure(path: path, example: example, line: line, "a date and T are followed by a time, e.g. 2026-01-15T08:00:00")
                }
            case UInt8(ascii: " "):
                // toml++ reads a value of ten characters with `-` as the fifth and eighth (a date,
                // for it), one space and a digit as a date and time, and asserts the time goes on:
                // a lone digit then the end of a value aborts. Outside strings and comments that is
                // never valid TOML. The value starts wherever toml++ started it (after a key's `=`,
                // a `[`, a `{`, where an `=`, `[`, `{` or quote may also be one more character of
                // the value), so every start after the previous blank, `]`, `}`, `,` or `#` is tried.
                if let digit = byte(index + 1), isDigit(digit), let after = byte(index + 2), isTerminator(after) {
                    var start = index
                    while start > 0, !isBoundary(bytes[start - 1]) { start -= 1 }
                    if readsAsDateBeforeSpace(bytes[start..<index]) {
                        throw failure(path: path, example: example, line: line, "a value is followed by a comma, a line break or a comment, not by a lone digit")
                    }
                }
            default:
                break
            }
            if !isBlank(b) { onlyBlanksSoFar = false }
            index += 1
        }
    }

    /// The index after the string opening at `start` (basic, literal, or their multi-line forms),
    /// counting the line breaks inside it.
    static func endOfString(_ bytes: [UInt8], from start: Int, line: inout Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var i = start + (triple ? 3 : 1)
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { i += 2; continue }
            if b == UInt8(ascii: "\n") {
                if !triple { return i }  // an unterminated string: TOMLKit reports it
                line += 1
            }
            if b == quote {
                if !triple { return i + 1 }
                if i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote {
                    i += 3
                    while i < bytes.count && bytes[i] == quote { i += 1 }
                    return i
                }
            }
            i += 1
        }
        return i
    }

    /// Whether some ending of `run` is what toml++ takes for a date before a space: it begins with
    /// a digit and has ten characters (Unicode scalars, `_` not counted), the fifth and eighth `-`.
    /// Checking every ending refuses no valid TOML but one odd line, a bare key of that shape then a
    /// lone digit (`2026-01-1= 5`), which neither file has: it would be refused as an unknown key.
    /// An ending that starts with a digit starts on a counted character, so only one can have ten:
    /// the last ten counted characters of the run.
    static func readsAsDateBeforeSpace(_ run: ArraySlice<UInt8>) -> Bool {
        let counted = Array(String(decoding: run, as: UTF8.self).unicodeScalars.filter { $0 != "_" }.suffix(10))
        guard counted.count == 10, counted[0].isASCII, isDigit(UInt8(counted[0].value)) else { return false }
        return counted[4] == "-" && counted[7] == "-"
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// `2026-01-15`.
    static func isDate(_ text: ArraySlice<UInt8>) -> Bool {
        text.count == 10 && text.enumerated().allSatisfy { offset, b in
            offset == 4 || offset == 7 ? b == UInt8(ascii: "-") : isDigit(b)
        }
    }

    /// Whether a quote after `byte` opens a string: at the start of a key or value. Inside a value
    /// (`18-05-2" 7#`) toml++ reads a quote as one more character of that value, and so does the guard.
    static func opensString(after byte: UInt8) -> Bool {
        Array(" \t\r\n=,[{.".utf8).contains(byte)
    }

    /// What ends a value's text for toml++ looking back from it: a blank or line break, `]`, `}`, `,`, `#`.
    static func isBoundary(_ byte: UInt8) -> Bool {
        Array(" \t\r\n]},#".utf8).contains(byte)
    }

    /// What ends a value for toml++: a blank or line break, `]`, `}`, `,`, `#`, or (conservatively)
    /// any non-ASCII byte, which may start one of the Unicode spaces it also counts.
    static func isTerminator(_ byte: UInt8) -> Bool {
        byte >= 0x80 || Array(" \t\r\n\u{0B}\u{0C}]},#".utf8).contains(byte)
    }

    static func isBare(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func failure(path: String, example: String, line: Int, _ what: String) -> TOMLFileError {
        TOMLFileError(file: path, line: line, key: nil, message: "not valid TOML (\(what)); see \(example) for the format")
    }
}
