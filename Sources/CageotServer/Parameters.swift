import CageotApp
import CageotCore
import Foundation
import Hummingbird

/// Reads and checks the routes' parameters; a wrong one is a 400 naming it and its expected form.
enum Parameters {
    static func id(_ context: BasicRequestContext) throws -> Int {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int(text), id > 0 else {
            throw Problem.badParameter("id", "id \(quoted(text)) is not an id: write a positive whole number, e.g. /sessions/42/sheet.pdf.")
        }
        // CAMAP's ids are PostgreSQL `integer`s: a larger number names nothing (and would make
        // the query fail rather than find no row).
        guard id <= Int(Int32.max) else {
            throw Problem.badParameter("id", "id \(text) is too large: CAMAP's ids go up to \(Int32.max).")
        }
        return id
    }

    /// A preset of layouts/ by name only: a path would let a request read any file of the server.
    static func presetName(_ text: String?) throws -> String? {
        guard let text else { return nil }
        guard !text.isEmpty, text.count <= 64, text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw Problem.badParameter("layout", "layout \(quoted(text)) is not a preset name: use the name of a preset of layouts/, e.g. layout=short.")
        }
        return text
    }

    static func overrides(_ values: [String]) throws -> [String] {
        for value in values where !value.contains("=") {
            throw Problem.badParameter("set", "set \(quoted(value)) is not key=value: write it like set=font.size=11.")
        }
        return values
    }

    static func distributionKind(_ text: String?) throws -> DistributionSheetKind {
        guard let text else { return .variableSheet }
        guard let kind = DistributionSheetKind(argument: text) else {
            throw Problem.badParameter("layout", "layout \(quoted(text)) is not a distribution sheet: write layout=variable or layout=matrix.")
        }
        return kind
    }

    static func week(_ text: String?) throws -> ISOWeek {
        guard let text else { throw Problem.badParameter("week", "week is missing: write it as an ISO week, e.g. week=2026-W49.") }
        guard let week = ISOWeek(text) else {
            var detail = "week \(quoted(text)) is not an ISO week: write YYYY-Www, e.g. week=2026-W49"
            if let year = Int(text.prefix(4)), (1900...2200).contains(year) { detail += " (\(year) has weeks 01 to \(ISOWeek.weeks(in: year)))" }
            throw Problem.badParameter("week", detail + ".")
        }
        return week
    }

    static func year(_ text: String?) throws -> Int {
        guard let text, let year = Int(text), (1900...2200).contains(year), text.count == 4 else {
            throw Problem.badParameter("year", "year \(quoted(text ?? "")) is not a year: write it with four digits, e.g. year=2026.")
        }
        return year
    }

    /// The cookie a browser sends the token in, once the coordinators' page has set it.
    static let tokenCookie = "cageot_token"

    /// The token of `Authorization: Bearer <token>`, else of the `cageot_token` cookie; nil without one.
    static func token(_ headers: HTTPFields) -> String? {
        if let value = headers[.authorization] {
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            let token = parts[1].trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        for field in headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == tokenCookie, !parts[1].isEmpty {
                    return String(parts[1])
                }
            }
        }
        return nil
    }

    /// A token given as `?token=` is set as a cookie: only base64url characters may go into that header.
    static func cookieSafeToken(_ text: String) throws -> String {
        guard (1...128).contains(text.count),
              text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                  || $0 == "-" || $0 == "_" })
        else { throw Problem.unauthorized }
        return text
    }

    /// The entity tags of `If-None-Match` (weak ones compared as strong, as RFC 9110 says for it).
    static func entityTags(_ header: String?) -> [String] {
        guard let header else { return [] }
        return header.split(separator: ",").map { tag in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
        }
    }

    /// A parameter as the client sent it, cut short: problem details echo it but never at length.
    private static func quoted(_ text: String) -> String { "'\(text.prefix(40))'" }
}
