import ArgumentParser
import Foundation

/// Prints an error as one line on stderr and exits non-zero, instead of a stack of Swift types.
enum Failure {
    static func report(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("cageot: \(message)\n".utf8))
}
