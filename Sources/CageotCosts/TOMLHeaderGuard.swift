/// Refuses, before TOMLKit sees it, a table header toml++ cannot survive.
///
/// toml++ (the C++ parser inside TOMLKit) asserts that a `[` opening a table header is followed by
/// a key: `[#x]`, `[=` or `[` at the end of a line abort the whole process (and without assertions
/// are undefined behaviour). Found by `scripts/fuzz`. A header line must therefore go on, after
/// `[` or `[[` and blanks, with a bare key character, a quote, `]` or the end of the text, else the
/// file is refused here, naming its line, as TOMLKit would have refused it.
enum TOMLHeaderGuard {
    static func check(_ text: String, path: String) throws(CostFileError) {
        // By bytes: as Characters, "\r\n" is one and would not split on "\n".
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            var bytes = raw.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard bytes.first == UInt8(ascii: "[") else { continue }
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "[") { bytes = bytes.dropFirst() }
            bytes = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            // The end of the text after `[` is an error toml++ reports itself; the end of a line is not.
            guard let next = bytes.first else {
                if index == lines.count - 1 { continue }
                throw headerError(path: path, line: index + 1)
            }
            if isBare(next) || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") || next == UInt8(ascii: "]") { continue }
            throw headerError(path: path, line: index + 1)
        }
    }

    static func isBare(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func headerError(path: String, line: Int) -> CostFileError {
        CostFileError(file: path, line: line, key: nil,
                      message: "not valid TOML (a table header is a name in brackets, e.g. [allocation] or [[item]]); see docs/costs.example.toml for the format")
    }
}
