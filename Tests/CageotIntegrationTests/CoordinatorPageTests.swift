import CageotCore
import CageotStore
import Foundation
import Testing

/// The coordinators' page (`/groups/{id}`) and its PNG preview, as a browser and curl see them,
/// on a demo federation of its own whose group is named `<script>alert(1)</script>`.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct CoordinatorPageTests {
    static let hostileName = "<script>alert(1)</script>"

    /// The serve tests' world, with the hostile group name and the sessions the page must list
    /// (those not over at the server's `--now`, 2026-12-01 08:00, soonest first, at most 8).
    struct Page: Sendable {
        var world: ServeTests.World
        var coming: [(id: Int, start: LocalDateTime)]
        /// Distributions of the coming sessions, with whether their contract is variable.
        var distributions: [(id: Int, variable: Bool)]
        var past: Int
        /// The group of the `other-group` token.
        var otherGroup: Int
    }

    static let page = Result { () throws -> Page in
        let world = try ServeTests.makeWorld()
        let db = try Connection(world.conninfo, logger: TestDatabase.logger)
        _ = try db.execute("hostile name", #"UPDATE "Group" SET name = $1 WHERE id = $2"#, [hostileName, world.group])
        let coming = try db.query("coming", """
            SELECT id, "distribStartDate" AS start FROM "MultiDistrib"
            WHERE "groupId" = $1 AND "distribEndDate" >= '2026-12-01 08:00' ORDER BY "distribStartDate", id LIMIT 8
            """, [world.group]) { (id: try $0.decode("id", as: Int.self), start: try $0.decode("start", as: LocalDateTime.self)) }
        let distributions = try db.query("distributions", """
            SELECT d.id, c.type FROM "Distribution" d JOIN "Catalog" c ON c.id = d."catalogId"
            WHERE d."multiDistribId" = ANY(string_to_array($1, ',')::int[])
            """, [coming.map { String($0.id) }.joined(separator: ",")]) {
            (id: try $0.decode("id", as: Int.self), variable: try $0.decode("type", as: Int.self) == 1)
        }
        let past = try #require(try db.query("past", """
            SELECT max(id) AS id FROM "MultiDistrib" WHERE "groupId" = $1 AND "distribEndDate" < '2026-12-01 08:00'
            """, [world.group]) { try $0.decodeIfPresent("id", as: Int.self) }.first ?? nil)
        let other = try #require(try db.query("other", #"SELECT min(id) AS id FROM "Group" WHERE id <> $1"#, [world.group]) {
            try $0.decode("id", as: Int.self)
        }.first)
        return Page(world: world, coming: coming, distributions: distributions, past: past, otherGroup: other)
    }

    /// Cairo and poppler antialias text differently (measured on the demo sheet: 5.0 levels on
    /// average, 1.2 % of pixels beyond 128); the same page moved by 4 px is at 12.7 levels and 4.8 %.
    static let sameDrawing = ImageTolerance(maxMean: 7, maxStrongFraction: 0.025, strongLevel: 128)

    func serve(_ extra: [String] = []) throws -> (ServeProcess, Page) {
        let page = try Self.page.get()
        return (try ServeProcess(binary: CLITests.binary, database: page.world.conninfo, extra: extra), page)
    }

    func token(_ page: Page, _ name: String) throws -> String { try #require(page.world.tokens[name]) }

    @Test func pageListsTheComingSessionsWithLinksThatWork() throws {
        let (server, page) = try serve()
        try #require(!page.coming.isEmpty && !page.distributions.isEmpty)
        let reply = try HTTPReply.get(server.baseURL + "/groups/\(page.world.group)", token: try token(page, "group"))
        #expect(reply.status == 200, "\(reply.text.prefix(300))")
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        let html = reply.text
        #expect(html.contains(#"<html lang="fr">"#))
        for session in page.coming {
            #expect(html.contains(#"href="/sessions/\#(session.id)/sheet.pdf""#), "session \(session.id)")
            let when = "\(FrenchFormat.longDate(session.start.date)), \(FrenchFormat.time(session.start))"
            #expect(html.contains(when), "\(when)")
        }
        #expect(!html.contains("/sessions/\(page.past)/"), "a past session is listed")
        for distribution in page.distributions {
            #expect(html.contains(#"href="/distributions/\#(distribution.id)/sheet.pdf?layout=matrix""#))
            #expect(html.contains(#"href="/distributions/\#(distribution.id)/sheet.pdf?layout=variable""#) == distribution.variable)
        }
        #expect(html.contains(#"<img class="preview" src="/sessions/\#(page.coming[0].id)/preview.png""#))
        // Every link of the page answers, for the same token.
        let links = html.components(separatedBy: #"href=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(links.count >= page.coming.count + page.distributions.count)
        for link in Set(links) {
            let target = try HTTPReply.get(server.baseURL + link.replacingOccurrences(of: "&amp;", with: "&"), token: try token(page, "group"))
            #expect(target.status == 200, "\(link): \(target.text.prefix(200))")
        }
    }

    @Test func aHostileGroupNameIsEscapedAndNoScriptIsServed() throws {
        let (server, page) = try serve()
        let reply = try HTTPReply.get(server.baseURL + "/groups/\(page.world.group)", token: try token(page, "admin"))
        #expect(reply.status == 200)
        #expect(reply.text.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!reply.text.lowercased().contains("<script"))
        #expect(reply.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
    }

    @Test func thePickerListsTheSessionPresetsAndCarriesTheChoice() throws {
        let (server, page) = try serve()
        let base = server.baseURL + "/groups/\(page.world.group)"
        let html = try HTTPReply.get(base, token: try token(page, "group")).text
        for preset in ["all", "short", "coordinator", "large-print", "privacy"] {
            #expect(html.contains(#"<option value="\#(preset)">"#), "\(preset)")
        }
        for other in ["grid", "matrix", "variable"] { #expect(!html.contains(#"<option value="\#(other)""#), "\(other)") }
        #expect(html.contains(#"<form method="get" action="/groups/\#(page.world.group)">"#) && html.contains(#"<select name="layout""#))

        let short = try HTTPReply.get(base + "?layout=short", token: try token(page, "group"))
        #expect(short.status == 200)
        #expect(short.text.contains(#"<option value="short" selected>"#))
        #expect(short.text.contains(#"src="/sessions/\#(page.coming[0].id)/preview.png?layout=short""#))
        #expect(short.text.contains(#"href="/sessions/\#(page.coming[0].id)/sheet.pdf?layout=short""#))
        // The picker's "default" choice sends an empty layout.
        #expect(try HTTPReply.get(base + "?layout=", token: try token(page, "group")).status == 200)
        for wrong in ["grid", "nonexistent", "../etc"] {
            let reply = try HTTPReply.get(base + "?layout=\(wrong)", token: try token(page, "group"))
            #expect(reply.status == 400 && reply.problem["parameter"] as? String == "layout", "\(wrong): \(reply.text)")
        }
    }

    @Test func thePreviewIsAPngOfTheFirstPageWithTheSheetsETagThen304() throws {
        let (server, page) = try serve()
        let session = try #require(page.coming.first).id
        let url = server.baseURL + "/sessions/\(session)/preview.png"
        let started = ContinuousClock.now
        let reply = try HTTPReply.get(url, token: try token(page, "group"))
        let elapsed = ContinuousClock.now - started
        #expect(reply.status == 200, "\(reply.text.prefix(300))")
        #expect(reply.headers["content-type"] == "image/png")
        #expect(reply.headers["content-disposition"]?.hasPrefix("inline; filename=\"apercu-") == true)
        let png = [UInt8](reply.body)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 800)
        print("preview: \(png.count) bytes, \(width)×\(height) px, \(elapsed)")

        // The sheet's own first page, rasterized by poppler at the same width, is the same picture:
        // only antialiasing differs, while the same page moved by 4 px is far off.
        let folder = try temporaryFolder()
        let pdf = try HTTPReply.get(server.baseURL + "/sessions/\(session)/sheet.pdf", token: try token(page, "group"))
        try pdf.body.write(to: folder.appendingPathComponent("sheet.pdf"))
        try run("pdftoppm", ["-gray", "-f", "1", "-l", "1", "-scale-to-x", "800", "-scale-to-y", String(height), "-singlefile",
                             folder.appendingPathComponent("sheet.pdf").path, folder.appendingPathComponent("poppler").path])
        let poppler = try GrayImage(pgm: Data(contentsOf: folder.appendingPathComponent("poppler.pgm")))
        try reply.body.write(to: folder.appendingPathComponent("preview.png"))
        let preview = try GrayImage(pgm: try execute(URL(fileURLWithPath: "/bin/sh"),
                                                     ["-c", #"pngtopnm "$0" | ppmtopgm"#, folder.appendingPathComponent("preview.png").path]).stdoutData)
        let same = try #require(preview.difference(from: poppler, strongLevel: 128))
        let moved = try #require(preview.shifted(dx: 4, dy: 4).difference(from: poppler, strongLevel: 128))
        print("preview vs pdftoppm: \(same); moved 4 px: \(moved)")
        #expect(Self.sameDrawing.accepts(same), "\(same)")
        #expect(!Self.sameDrawing.accepts(moved), "\(moved)")

        let etag = try #require(reply.headers["etag"])
        #expect(etag == pdf.headers["etag"], "the preview's ETag is the sheet's fingerprint")
        let again = try HTTPReply.get(url, token: try token(page, "group"), headers: ["If-None-Match": etag])
        #expect(again.status == 304 && again.body.isEmpty)
        let twice = try HTTPReply.get(url, token: try token(page, "group"))
        #expect(twice.body == reply.body, "the same page gives the same bytes")
        let short = try HTTPReply.get(url + "?layout=short", token: try token(page, "group"), headers: ["If-None-Match": etag])
        #expect(short.status == 200 && short.headers["etag"] != etag)

        #expect(try HTTPReply.get(url + "?layout=nonexistent", token: try token(page, "group")).status == 400)
        #expect(try HTTPReply.get(url, token: try token(page, "other-group")).status == 404)
        #expect(try HTTPReply.get(url).status == 401)
    }

    @Test func aTokenInTheURLBecomesACookieAndLeavesTheAddress() throws {
        // Verbose: even the debug log must not show the query or the cookie.
        let (server, page) = try serve(["-v"])
        let secret = try token(page, "group")
        let folder = try temporaryFolder()
        let jar = folder.appendingPathComponent("jar").path, headers = folder.appendingPathComponent("headers").path
        let base = server.baseURL + "/groups/\(page.world.group)"
        let status = try run("curl", ["-s", "-o", "/dev/null", "-D", headers, "-c", jar, "-w", "%{http_code}", base + "?layout=short&token=\(secret)"])
        #expect(status == "303")
        let answer = try String(contentsOfFile: headers, encoding: .utf8).lowercased()
        #expect(answer.contains("location: /groups/\(page.world.group)?layout=short\r\n"))
        #expect(answer.contains("set-cookie: cageot_token=\(secret.lowercased()); httponly; samesite=strict; path=/\r\n"))

        // The jar alone now opens the page, its preview and its documents.
        let followed = try run("curl", ["-s", "-b", jar, "-w", "%{http_code}", "-o", "/dev/null", base])
        #expect(followed == "200")
        let preview = try run("curl", ["-s", "-b", jar, "-w", "%{http_code}", "-o", "/dev/null",
                                       server.baseURL + "/sessions/\(page.coming[0].id)/preview.png?layout=short"])
        #expect(preview == "200")
        // A browser's path: the link, the redirect, the page, in one go.
        let final = try run("curl", ["-s", "-L", "-c", folder.appendingPathComponent("jar2").path, "-w", "%{url_effective} %{http_code}",
                                     "-o", "/dev/null", base + "?token=\(secret)"])
        #expect(final == "\(base) 200")

        let wrong = try HTTPReply.get(base + "?token=not-a-token")
        #expect(wrong.status == 401 && wrong.headers["set-cookie"] == nil)
        #expect(try HTTPReply.get(base + "?token=a%0d%0aX:1").status == 401)
        #expect(try HTTPReply.get(base, headers: ["Cookie": "cageot_token=nope"]).status == 401)
        // The access log shows paths only: never the query, never a cookie.
        #expect(!server.log.contains(secret) && !server.log.contains("token="), "\(server.log)")
        #expect(server.log.contains("GET /groups/\(page.world.group) 303"))
    }

    @Test func anotherGroupsPageIsNotFound() throws {
        let (server, page) = try serve()
        let url = server.baseURL + "/groups/\(page.otherGroup)"
        #expect(try HTTPReply.get(url, token: try token(page, "group")).status == 404)
        #expect(try HTTPReply.get(url, token: try token(page, "other-group")).status == 200)
        #expect(try HTTPReply.get(url, token: try token(page, "admin")).status == 200)
        #expect(try HTTPReply.get(url, token: try token(page, "vendor")).status == 404)
        let unknown = try HTTPReply.get(server.baseURL + "/groups/999999", token: try token(page, "admin"))
        #expect(unknown.status == 404 && (unknown.problem["detail"] as? String ?? "").contains("999999"))
        #expect(try HTTPReply.get(url).status == 401)
        #expect(try HTTPReply.get(server.baseURL + "/groups/abc", token: try token(page, "admin")).status == 400)
    }
}
