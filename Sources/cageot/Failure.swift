import ArgumentParser
import Foundation

/// Prints an error as one line on stderr and exits non-zero, instead of a stack of Swift types.
enum Failure {
    /// `document` names what the command was making (`session 42`), so that one line says which
    /// document failed even when the error itself only names a row or a column.
    static func report(document: String? = nil, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError(document.map { "\($0): \(error)" } ?? "\(error)")
            throw ExitCode(1)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("cageot: \(message)\n".utf8))
}
