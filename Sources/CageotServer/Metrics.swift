import NIOConcurrencyHelpers

/// The server's counters, exposed at `/metrics` in Prometheus' text format.
public final class Metrics: Sendable {
    /// Upper bounds of the request duration histogram, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    private struct Durations {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var documents: [String: Int] = [:]
        var notModified: [String: Int] = [:]
        var cached: [String: Int] = [:]
        var reused: [String: Int] = [:]
        var errors: [String: Int] = [:]
        var durations: [String: Durations] = [:]
        var runsStarted = 0
        var runsFinished: [String: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    func documentGenerated(kind: String) { state.withLockedValue { $0.documents[kind, default: 0] += 1 } }
    func documentNotModified(kind: String) { state.withLockedValue { $0.notModified[kind, default: 0] += 1 } }
    func documentCached(kind: String) { state.withLockedValue { $0.cached[kind, default: 0] += 1 } }
    func fingerprintReused(kind: String) { state.withLockedValue { $0.reused[kind, default: 0] += 1 } }
    func error(kind: String) { state.withLockedValue { $0.errors[kind, default: 0] += 1 } }
    func runStarted() { state.withLockedValue { $0.runsStarted += 1 } }
    func runFinished(status: String) { state.withLockedValue { $0.runsFinished[status, default: 0] += 1 } }

    func request(route: String, seconds: Double) {
        state.withLockedValue { state in
            var durations = state.durations[route] ?? Durations()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { durations.counts[index] += 1 }
            durations.sum += seconds
            durations.count += 1
            state.durations[route] = durations
        }
    }

    /// The text exposition format, version 0.0.4.
    public func exposition() -> String {
        let state = state.withLockedValue { $0 }
        var lines: [String] = []
        func counter(_ name: String, _ help: String, label: String, _ values: [String: Int]) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) counter"]
            lines += values.sorted { $0.key < $1.key }.map { "\(name){\(label)=\"\(escape($0.key))\"} \($0.value)" }
        }
        counter("cageot_documents_generated_total", "Documents rendered and sent.", label: "kind", state.documents)
        counter("cageot_documents_not_modified_total", "Documents answered 304 Not Modified without rendering.", label: "kind", state.notModified)
        counter("cageot_documents_cached_total", "Documents answered with a file rendered earlier from the same data.", label: "kind", state.cached)
        counter("cageot_fingerprints_reused_total",
                "Requests answered without reading their data again: nothing was written to the database since the same request read it.",
                label: "kind", state.reused)
        counter("cageot_errors_total", "Requests answered with a problem, by kind of problem.", label: "kind", state.errors)
        lines += ["# HELP cageot_runs_started_total Runs started with POST /runs.", "# TYPE cageot_runs_started_total counter",
                  "cageot_runs_started_total \(state.runsStarted)"]
        counter("cageot_runs_finished_total", "Runs finished, by status (done, failed).", label: "status", state.runsFinished)
        lines += ["# HELP cageot_request_duration_seconds Time to answer a request, by route.",
                  "# TYPE cageot_request_duration_seconds histogram"]
        for (route, durations) in state.durations.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(escape(route))\""
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("cageot_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(durations.counts[index])")
            }
            lines.append("cageot_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(durations.count)")
            lines.append("cageot_request_duration_seconds_sum{\(label)} \(durations.sum)")
            lines.append("cageot_request_duration_seconds_count{\(label)} \(durations.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
