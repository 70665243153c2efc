import ArgumentParser
import CageotApp
import Foundation

/// `cageot token create|revoke|list`: the bearer tokens of `cageot serve`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, revoke or list the bearer tokens of cageot serve (only their SHA-256 is stored).",
        subcommands: [Create.self, Revoke.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it, once: it cannot be shown again.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "What the token may read: group:ID (a group's sheets and payments), vendor:ID (a farmer's orders), federation (the report) or admin (everything).")
        var scope: String
        @Option(name: .long, help: "Who or what the token is for, shown by cageot token list.") var name = ""

        func validate() throws {
            guard AccessScope(scope) != nil else {
                throw ValidationError("--scope \(scope) is not a scope; write group:12, vendor:3, federation or admin.")
            }
        }

        func run() throws {
            try Failure.report {
                let environment = try global.environment()
                let (id, secret) = try AccessTokens(try global.connect())
                    .create(scope: AccessScope(scope)!, name: name, at: environment.epochSeconds)
                FileHandle.standardError.write(Data("cageot: token \(id) (\(scope)) created; keep it now, it is not stored:\n".utf8))
                print(secret)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (cageot token list): it stops working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id.") var id: Int

        func run() throws {
            try Failure.report {
                let environment = try global.environment()
                guard try AccessTokens(try global.connect()).revoke(id: id, at: environment.epochSeconds) else {
                    throw CLIError("no live token with id \(id); cageot token list shows them.")
                }
                print("token \(id) revoked")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens: id, scope, name, created, revoked.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Failure.report {
                for token in try AccessTokens(try global.connect()).list() {
                    let created = Clock.instant(epochSeconds: token.createdAt).local
                    let revoked = token.revokedAt.map { "revoked \(Clock.instant(epochSeconds: $0).local)" } ?? "live"
                    print("\(token.id)\t\(token.scope)\t\(token.name)\tcreated \(created)\t\(revoked)")
                }
            }
        }
    }
}
