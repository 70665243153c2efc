import CageotCore
import CageotDemoData
import CageotStore
import Foundation
import Testing

/// `cageot serve` as a client sees it: a real server on a loopback port, hit with curl.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct ServeTests {
    /// A demo federation of two AMAPs and the tokens of every scope, made once with the CLI.
    struct World: Sendable {
        var conninfo: String
        var session: Int, distribution: Int, contract: Int, group: Int
        var vendor: Int, week: String
        /// Credentials by name: `admin`, `group`, `other-group`, `vendor`, `other-vendor`, `federation`, `revoked`, `wrong`.
        var tokens: [String: String]
    }

    static let world = Result { try makeWorld() }

    /// `name` names the database: a suite that writes to it (runs) takes one of its own.
    /// One confirmed line of the world's session gets one more unit: its documents change.
    static func changeAnOrder(of world: World) throws {
        let db = try Connection(world.conninfo, logger: TestDatabase.logger)
        try db.execute("change", """
            UPDATE "UserOrder" SET quantity = quantity + 1 WHERE id = (SELECT min(o.id) FROM "UserOrder" o JOIN "Basket" b ON b.id = o."basketId"
                                                                   WHERE b."multiDistribId" = $1 AND b.status <> 'OPEN' AND o.quantity > 0)
            """, [world.session])
    }

    static func makeWorld(name: String = "serve", quiet: Bool = false) throws -> World {
        let (conninfo, db, _) = try TestDatabase.demo(name, quiet: quiet, options: DemoOptions(seed: 3, groups: 2, households: 8, weeks: 2,
                                                                                               start: LocalDate(year: 2026, month: 11, day: 23)))
        func one(_ sql: String) throws -> Int {
            try #require(try db.query("world", sql) { try $0.decode("id", as: Int.self) }.first)
        }
        let distribution = try one(#"SELECT min(d.id) AS id FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE c.type = 1"#)
        let group = try one(#"SELECT c."groupId" AS id FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE d.id = \#(distribution)"#)
        let vendor = try one(#"SELECT c."vendorId" AS id FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId" WHERE d.id = \#(distribution)"#)
        let day = try #require(try db.query("day", #"SELECT d.date::date::text AS day FROM "Distribution" d WHERE d.id = $1"#, [distribution]) {
            try $0.decode("day", as: String.self)
        }.first)
        var tokens = ["wrong": "not-a-token-at-all"]
        let scopes = ["admin": "admin", "group": "group:\(group)",
                      "other-group": "group:\(try one(#"SELECT min(id) AS id FROM "Group" WHERE id <> \#(group)"#))",
                      "vendor": "vendor:\(vendor)",
                      "other-vendor": "vendor:\(try one(#"SELECT min(id) AS id FROM "Vendor" WHERE id <> \#(vendor)"#))",
                      "federation": "federation", "revoked": "admin"]
        for (name, scope) in scopes {
            let created = try cageot(["token", "create", "--database", conninfo, "--scope", scope, "--name", name])
            guard created.status == 0 else { throw ToolFailed(tool: "cageot token create", status: created.status, output: created.stderr) }
            tokens[name] = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "revoked" {
                let id = try #require(created.stderr.split(separator: " ").dropFirst(2).first)
                #expect(try cageot(["token", "revoke", "--database", conninfo, String(id)]).status == 0)
            }
        }
        return World(conninfo: conninfo,
                     session: try one(#"SELECT min(id) AS id FROM "MultiDistrib" WHERE "groupId" = \#(group)"#),
                     distribution: distribution,
                     contract: try one(#"SELECT min(id) AS id FROM "Catalog" WHERE "groupId" = \#(group)"#),
                     group: group, vendor: vendor,
                     week: ISOWeek(containing: try #require(LocalDate(iso: day))).description, tokens: tokens)
    }

    static func cageot(_ arguments: [String]) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        return try execute(CLITests.binary, arguments, environment: env)
    }

    func serve(_ extra: [String] = []) throws -> (ServeProcess, World) {
        let world = try Self.world.get()
        return (try ServeProcess(binary: CLITests.binary, database: world.conninfo, extra: extra), world)
    }

    @Test func healthzAnswersOkWhenTheDatabaseDoes() throws {
        let (server, _) = try serve()
        let reply = try HTTPReply.get(server.baseURL + "/healthz")
        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ok"}"#)
    }

    @Test func healthzAnswers503WithRetryAfterWhenTheDatabaseIsDown() throws {
        let server = try ServeProcess(binary: CLITests.binary, database: "postgresql://nobody@/camap?host=/nonexistent-cageot")
        let reply = try HTTPReply.get(server.baseURL + "/healthz")
        #expect(reply.status == 503)
        #expect(reply.headers["retry-after"] == "10")
        #expect(reply.headers["content-type"] == "application/problem+json")
        #expect(reply.problem["status"] as? Int == 503)
        // The documents say the same, after the token is checked… which needs the database.
        let document = try HTTPReply.get(server.baseURL + "/sessions/1/sheet.pdf", token: "anything")
        #expect(document.status == 503 && document.headers["retry-after"] == "10")
    }

    @Test func aSessionSheetIsAValidPdfWithItsNameAndETagThen304() throws {
        let (server, world) = try serve()
        let url = server.baseURL + "/sessions/\(world.session)/sheet.pdf"
        let reply = try HTTPReply.get(url, token: world.tokens["group"])
        #expect(reply.status == 200, "\(reply.text.prefix(300))")
        #expect(reply.headers["content-type"] == "application/pdf")
        let disposition = try #require(reply.headers["content-disposition"])
        #expect(disposition.hasPrefix("attachment; filename=\"emargement-") && disposition.hasSuffix("-session-\(world.session).pdf\""))
        let file = try temporaryFolder().appendingPathComponent("sheet.pdf")
        try reply.body.write(to: file)
        try run("qpdf", ["--check", file.path])
        let etag = try #require(reply.headers["etag"])
        #expect(etag.count == 66 && etag.hasPrefix("\""))

        let again = try HTTPReply.get(url, token: world.tokens["group"], headers: ["If-None-Match": etag])
        #expect(again.status == 304 && again.body.isEmpty && again.headers["etag"] == etag)
        // Another preset is another document: a new ETag, rendered again.
        let short = try HTTPReply.get(url + "?layout=short&set=font.size=9", token: world.tokens["group"], headers: ["If-None-Match": etag])
        #expect(short.status == 200 && short.headers["etag"] != etag)

        let metrics = try HTTPReply.get(server.baseURL + "/metrics")
        #expect(metrics.text.contains(#"cageot_documents_generated_total{kind="session-sheet"} 2"#))
        #expect(metrics.text.contains(#"cageot_documents_not_modified_total{kind="session-sheet"} 1"#))
        #expect(metrics.text.contains(#"cageot_request_duration_seconds_count{route="/sessions/{id}/sheet.pdf"} 3"#) ||
                metrics.text.contains(#"cageot_request_duration_seconds_count{route="/sessions/:id/sheet.pdf"} 3"#), "\(metrics.text)")
        #expect(!server.log.contains(try #require(world.tokens["group"])))
    }

    @Test func aDocumentRenderedOnceIsServedAgainFromTheSameDataAndRenderedAgainWhenItChanges() throws {
        let world = try Self.makeWorld(name: "serve_cache")
        let server = try ServeProcess(binary: CLITests.binary, database: world.conninfo)
        let url = server.baseURL + "/sessions/\(world.session)/sheet.pdf"
        let first = try HTTPReply.get(url, token: world.tokens["group"])
        let second = try HTTPReply.get(url, token: world.tokens["group"])
        #expect(first.status == 200 && second.status == 200)
        #expect(second.body == first.body && second.headers["etag"] == first.headers["etag"])
        var metrics = try HTTPReply.get(server.baseURL + "/metrics").text
        #expect(metrics.contains(#"cageot_documents_generated_total{kind="session-sheet"} 1"#), "\(metrics)")
        #expect(metrics.contains(#"cageot_documents_cached_total{kind="session-sheet"} 1"#), "\(metrics)")
        // An order of the session changes: a new fingerprint, rendered again.
        try ServeTests.changeAnOrder(of: world)
        let third = try HTTPReply.get(url, token: world.tokens["group"])
        #expect(third.status == 200 && third.headers["etag"] != first.headers["etag"] && third.body != first.body)
        metrics = try HTTPReply.get(server.baseURL + "/metrics").text
        #expect(metrics.contains(#"cageot_documents_generated_total{kind="session-sheet"} 2"#), "\(metrics)")
        let file = try temporaryFolder().appendingPathComponent("cached.pdf")
        try second.body.write(to: file)
        try run("qpdf", ["--check", file.path])
    }

    /// Bad input: 400 problem details naming the parameter and its expected form.
    @Test(arguments: [
        ("/vendors/{vendor}/orders.xlsx?week=2026-W54", "week", "2026 has weeks 01 to 53"),
        ("/vendors/{vendor}/orders.xlsx", "week", "2026-W49"),
        ("/sessions/abc/sheet.pdf", "id", "positive whole number"),
        ("/vendors/1403671206018592/orders.xlsx?week=2026-W49", "id", "up to 2147483647"),
        ("/sessions/{session}/sheet.pdf?layout=../../etc/passwd", "layout", "preset name"),
        ("/sessions/{session}/sheet.pdf?layout=nonexistent", "layout", "nonexistent"),
        ("/sessions/{session}/sheet.pdf?set=font.size", "set", "key=value"),
        ("/sessions/{session}/sheet.pdf?set=font.size=huge", "set", "font.size"),
        ("/distributions/{distribution}/sheet.pdf?layout=grid", "layout", "variable or layout=matrix"),
        ("/federation/report.pdf?year=twenty", "year", "four digits"),
    ])
    func badParametersAnswer400NamingTheParameter(path: String, parameter: String, hint: String) throws {
        let (server, world) = try serve()
        let reply = try HTTPReply.get(server.baseURL + fill(path, world), token: world.tokens["admin"])
        #expect(reply.status == 400, "\(reply.text)")
        #expect(reply.headers["content-type"] == "application/problem+json")
        #expect(reply.problem["parameter"] as? String == parameter, "\(reply.text)")
        #expect((reply.problem["detail"] as? String ?? "").contains(hint), "\(reply.text)")
        #expect(reply.problem["type"] as? String == "urn:cageot:problem:bad-parameter")
    }

    @Test(arguments: ["/sessions/999999/sheet.pdf", "/distributions/999999/sheet.pdf", "/contracts/999999/payments.xlsx",
                      "/vendors/999999/orders.xlsx?week=2026-W49"])
    func unknownIdsAnswer404(path: String) throws {
        let (server, world) = try serve()
        let reply = try HTTPReply.get(server.baseURL + path, token: world.tokens["admin"])
        #expect(reply.status == 404, "\(reply.text)")
        #expect((reply.problem["detail"] as? String ?? "").contains("999999"))
    }

    /// Every document route × every credential: who reads (200), who is told it does not exist
    /// (404, like an unknown id), who must authenticate (401).
    /// One row of the access matrix: a route, the credentials it answers `ok` to; every other
    /// valid token gets 404 (the document, or the route, does not exist for it: ids cannot be
    /// probed), and no token, a wrong one or a revoked one 401. `open` routes answer everyone.
    struct Route: Sendable, CustomTestStringConvertible {
        var method = "GET"
        var path: String
        var readers: Set<String> = []
        var ok = 200
        var open = false
        var testDescription: String { "\(method) \(path)" }

        func expected(for credential: String) -> Int {
            if open || readers.contains(credential) { return ok }
            return ["none", "wrong", "revoked"].contains(credential) ? 401 : 404
        }
    }

    /// Every route of docs/openapi.yaml × every credential.
    @Test(arguments: [
        Route(path: "/sessions/{session}/sheet.pdf", readers: ["admin", "group"]),
        Route(path: "/sessions/{session}/preview.png", readers: ["admin", "group"]),
        Route(path: "/distributions/{distribution}/sheet.pdf?layout=matrix", readers: ["admin", "group"]),
        Route(path: "/contracts/{contract}/payments.xlsx", readers: ["admin", "group"]),
        Route(path: "/vendors/{vendor}/orders.xlsx?week={week}", readers: ["admin", "vendor"]),
        Route(path: "/federation/report.pdf?year=2026", readers: ["admin", "federation"]),
        Route(path: "/groups/{group}", readers: ["admin", "group"]),
        Route(method: "POST", path: "/runs?dryRun=true", readers: ["admin"], ok: 202),
        // An admin is told the run does not exist; to others the route itself does not.
        Route(path: "/runs/no-such-run", readers: ["admin"], ok: 404),
        Route(path: "/healthz", open: true),
        Route(path: "/metrics", open: true),
    ])
    func accessMatrix(route: Route) throws {
        let (server, world) = try serve()
        let url = server.baseURL + fill(route.path, world)
        for credential in ["none", "wrong", "revoked", "admin", "group", "other-group", "vendor", "other-vendor", "federation"] {
            let reply = try HTTPReply.send(route.method, url, token: world.tokens[credential])
            let expected = route.expected(for: credential)
            #expect(reply.status == expected, "\(credential) on \(route.method) \(route.path): \(reply.text.prefix(200))")
            if reply.status == 401 { #expect(reply.problem["type"] as? String == "urn:cageot:problem:unauthorized") }
        }
        for token in world.tokens.values { #expect(!server.log.contains(token)) }
    }

    func fill(_ path: String, _ world: World) -> String {
        path.replacingOccurrences(of: "{session}", with: "\(world.session)")
            .replacingOccurrences(of: "{distribution}", with: "\(world.distribution)")
            .replacingOccurrences(of: "{contract}", with: "\(world.contract)")
            .replacingOccurrences(of: "{vendor}", with: "\(world.vendor)")
            .replacingOccurrences(of: "{week}", with: world.week)
            .replacingOccurrences(of: "{group}", with: "\(world.group)")
    }
}
