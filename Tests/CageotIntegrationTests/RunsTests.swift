import CageotStore
import Foundation
import Testing

/// `POST /runs` and `GET /runs/{id}` on a live server: a run writes what the ledger records, a
/// rerun writes nothing, one run at a time, admins only.
/// Serialized: its runs share one database, and a run takes each due document's advisory lock.
@Suite(.enabled(if: TestDatabase.isAvailable), .serialized)
struct RunsTests {
    /// A database of its own: the runs write to its ledger, which the other suites do not expect.
    static let world = Result { try ServeTests.makeWorld(name: "runs") }

    func serve(config: String = "/dev/null") throws -> (ServeProcess, ServeTests.World, output: URL) {
        let world = try Self.world.get()
        let output = try temporaryFolder()
        let server = try ServeProcess(binary: CLITests.binary, database: world.conninfo,
                                      extra: ["--output-dir", output.path, "--config", config])
        return (server, world, output)
    }

    /// Polls the run until it is no longer running (a few seconds at most).
    static func finished(_ url: String, token: String?) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let reply = try HTTPReply.get(url, token: token)
            try #require(reply.status == 200, "\(reply.text)")
            if reply.problem["status"] as? String != "running" { return reply.problem }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the run at \(url) did not finish within 60 s")
        return [:]
    }

    @Test func aRunWritesWhatTheLedgerRecordsAndARerunWritesNothing() throws {
        let (server, world, output) = try serve()
        let admin = world.tokens["admin"]
        let db = try Connection(world.conninfo, logger: TestDatabase.logger)
        func rows() throws -> [[String]] {
            try db.query("ledger", "SELECT kind, scope, path FROM cageot.documents") {
                [try $0.decode("kind", as: String.self), try $0.decode("scope", as: String.self), try $0.decode("path", as: String.self)]
            }
        }
        // A dry run lists what is due and writes nothing.
        let dry = try HTTPReply.send("POST", server.baseURL + "/runs", token: admin, headers: ["Content-Type": "application/json"],
                                     body: #"{"dryRun": true}"#)
        #expect(dry.status == 202 && dry.problem["dryRun"] as? Bool == true, "\(dry.text)")
        let listed = try Self.finished(server.baseURL + (dry.headers["location"] ?? "/runs/none"), token: admin)
        #expect(listed["status"] as? String == "done" && listed["generated"] as? Int == 0, "\(listed)")
        #expect((listed["planned"] as? Int ?? 0) > 0 && listed["planned"] as? Int == listed["due"] as? Int)
        #expect(try rows().isEmpty && RunFixture.files(output).isEmpty)

        let started = Date()
        let reply = try HTTPReply.send("POST", server.baseURL + "/runs", token: admin)
        #expect(reply.status == 202, "\(reply.text)")
        let id = try #require(reply.problem["id"] as? String)
        #expect(reply.headers["location"] == "/runs/\(id)")
        #expect(reply.headers["content-type"] == "application/json")
        #expect(reply.problem["status"] as? String == "running" && reply.problem["startedAt"] is String)
        // One at a time: the second is told which one is going.
        let second = try HTTPReply.send("POST", server.baseURL + "/runs?dryRun=true", token: admin)
        #expect(second.status == 409 && second.headers["content-type"] == "application/problem+json", "\(second.text)")
        #expect((second.problem["detail"] as? String ?? "").contains(id))

        // The event loop does not wait for the run: a route without work answers meanwhile.
        let asked = Date()
        #expect(try HTTPReply.get(server.baseURL + "/metrics").status == 200)
        let latency = Date().timeIntervalSince(asked)
        if try HTTPReply.get(server.baseURL + "/runs/\(id)", token: admin).problem["status"] as? String == "running" {
            #expect(latency < 0.5, "/metrics took \(latency) s during a run")
            print("runs: /metrics answered in \(Int(latency * 1000)) ms during a run")
        }

        let run = try Self.finished(server.baseURL + "/runs/\(id)", token: admin)
        let seconds = Date().timeIntervalSince(started)
        #expect(run["status"] as? String == "done", "\(run)")
        #expect(run["finishedAt"] is String)
        let generated = try #require(run["generated"] as? Int)
        #expect(generated > 0)
        #expect(run["due"] as? Int == generated + (run["unchanged"] as? Int ?? -1) + (run["busy"] as? Int ?? -1) + (run["failed"] as? Int ?? -1))
        let documents = try #require(run["documents"] as? [[String: String]])
        let ledger = try rows()
        #expect(ledger.count == documents.count)
        #expect(Set(ledger) == Set(documents.map { [$0["kind"] ?? "", $0["scope"] ?? "", $0["path"] ?? ""] }))
        // One ledger row of a due kind per due document generated; the report adds its workbook and CSV.
        let dueKinds: Set = ["session-sheet", "vendor-orders", "payments", "usage-report"]
        #expect(ledger.filter { dueKinds.contains($0[0]) }.count == generated)
        for path in ledger.map({ $0[2] }) {
            #expect(path.hasPrefix(output.path) && FileManager.default.fileExists(atPath: path), "\(path)")
        }
        print("runs: first run of \(generated) document(s) answered done after \(Int(seconds * 1000)) ms")

        let restarted = Date()
        let rerun = try HTTPReply.send("POST", server.baseURL + "/runs", token: admin)
        #expect(rerun.status == 202)
        let again = try Self.finished(server.baseURL + (rerun.headers["location"] ?? "/runs/none"), token: admin)
        print("runs: the rerun, all \(generated) unchanged, answered done after \(Int(Date().timeIntervalSince(restarted) * 1000)) ms")
        #expect(again["status"] as? String == "done" && again["generated"] as? Int == 0, "\(again)")
        #expect(again["unchanged"] as? Int == generated && (again["documents"] as? [Any])?.isEmpty == true)
        #expect(try rows().count == ledger.count)

        let metrics = try HTTPReply.get(server.baseURL + "/metrics").text
        #expect(metrics.contains("cageot_runs_started_total 3\n"), "\(metrics)")
        #expect(metrics.contains(#"cageot_runs_finished_total{status="done"} 3"#))
        #expect(!server.log.contains(try #require(admin)))
    }

    /// The server's --config decides what is due; a document that fails makes the run failed, says
    /// why, and writes nothing of it.
    @Test func aFailingDocumentMakesTheRunFailedAndSaysWhy() throws {
        let config = try temporaryFolder().appendingPathComponent("cageot.toml")
        try Data("[run]\nkinds = [\"usage-report\"]\n\n[report]\ncosts = \"missing-costs.toml\"\n".utf8).write(to: config)
        let (server, world, output) = try serve(config: config.path)
        let reply = try HTTPReply.send("POST", server.baseURL + "/runs", token: world.tokens["admin"])
        #expect(reply.status == 202, "\(reply.text)")
        let run = try Self.finished(server.baseURL + (reply.headers["location"] ?? "/runs/none"), token: world.tokens["admin"])
        #expect(run["status"] as? String == "failed" && run["due"] as? Int == 1 && run["failed"] as? Int == 1, "\(run)")
        let error = try #require((run["errors"] as? [[String: String]])?.first)
        #expect(error["document"] == "rapport d'usage 2025" && error["kind"] == "usage-report")
        #expect(error["message"]?.contains("missing-costs.toml") == true, "\(error)")
        #expect(RunFixture.files(output).isEmpty)
        #expect(try HTTPReply.get(server.baseURL + "/metrics").text.contains(#"cageot_runs_finished_total{status="failed"} 1"#))
    }

    /// To any token but an admin's the routes do not exist: the same 404 as an unknown route.
    @Test func runsAreForAdminsOnly() throws {
        let (server, world, _) = try serve()
        let unknownRoute = try HTTPReply.get(server.baseURL + "/nowhere", token: world.tokens["group"])
        for credential in ["none", "wrong", "revoked", "group", "vendor", "federation"] {
            let token = world.tokens[credential]
            let expected = ["none", "wrong", "revoked"].contains(credential) ? 401 : 404
            for reply in [try HTTPReply.send("POST", server.baseURL + "/runs", token: token),
                          try HTTPReply.get(server.baseURL + "/runs/0b3c5e59-0000-4000-8000-000000000000", token: token)] {
                #expect(reply.status == expected, "\(credential): \(reply.text)")
                if expected == 404 { #expect(reply.body == unknownRoute.body && reply.headers["content-type"] == unknownRoute.headers["content-type"]) }
                if expected == 401 { #expect(reply.problem["type"] as? String == "urn:cageot:problem:unauthorized") }
            }
        }
        // The coordinators' page cookie is not a credential here: no other site can start a run.
        let cookie = try HTTPReply.send("POST", server.baseURL + "/runs", headers: ["Cookie": "cageot_token=\(world.tokens["admin"] ?? "")"])
        #expect(cookie.status == 401, "\(cookie.text)")
        #expect(try HTTPReply.get(server.baseURL + "/metrics").text.contains("cageot_runs_started_total 0\n"))
    }

    @Test func anUnknownRunAnswers404ProblemDetails() throws {
        let (server, world, _) = try serve()
        let reply = try HTTPReply.get(server.baseURL + "/runs/0b3c5e59-0000-4000-8000-000000000000", token: world.tokens["admin"])
        #expect(reply.status == 404 && reply.headers["content-type"] == "application/problem+json")
        #expect(reply.problem["type"] as? String == "urn:cageot:problem:not-found")
        #expect((reply.problem["detail"] as? String ?? "").contains("last 20 runs"))
    }

    @Test func aBodyThatIsNotARunAnswers400() throws {
        let (server, world, _) = try serve()
        let reply = try HTTPReply.send("POST", server.baseURL + "/runs", token: world.tokens["admin"],
                                       headers: ["Content-Type": "application/json"], body: "{dryRun: yes")
        #expect(reply.status == 400 && reply.problem["parameter"] as? String == "body", "\(reply.text)")
        let query = try HTTPReply.send("POST", server.baseURL + "/runs?dryRun=maybe", token: world.tokens["admin"])
        #expect(query.status == 400 && query.problem["parameter"] as? String == "dryRun", "\(query.text)")
    }
}
