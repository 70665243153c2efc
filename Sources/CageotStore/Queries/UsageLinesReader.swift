import CageotCore
import Foundation

/// Scans the order lines of one basket range on its own connection and thread, in a transaction on
/// the snapshot that the report's first connection exported (`pg_export_snapshot()`), so that
/// both ranges see the same rows.
struct UsageLinesReader: Sendable {
    var connection: Handoff<Connection>
    var snapshot: String
    var distributions: UsageDistributions
    var range: Range<Int>
    /// The lowest and highest basket ids.
    var ids: ClosedRange<Int>?

    /// Starts the thread; `wait()` on the answer gives its scan or its error.
    func start() -> Pending<UsageLineScan> {
        let pending = Pending<UsageLineScan>()
        let reader = self
        Thread { pending.finish(Result { try reader.read() }) }.start()
        return pending
    }

    private func read() throws -> UsageLineScan {
        // SET TRANSACTION SNAPSHOT takes no parameter: the id, made by the server, is checked to be
        // hex digits and dashes (`00000003-0000001B-1`) before it becomes part of the SQL text.
        guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw DatabaseError.protocolViolation(query: "usage snapshot", message: "unexpected snapshot id \(snapshot)")
        }
        let connection = connection.value
        return try connection.transaction {
            try connection.executeScript("usage settings", """
                SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
                SET TRANSACTION SNAPSHOT '\(snapshot)';
                SET LOCAL work_mem = '64MB';
                SET LOCAL jit = off
                """)
            return try CamapStore.scanUsageLines(connection, distributions: distributions, range: range, ids: ids)
        }
    }
}

/// Hands a value that is not `Sendable` to one other thread, which becomes its only user.
/// `@unchecked Sendable`: the thread that made it never touches the value again.
final class Handoff<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The answer of work running on another thread, given once.
/// `@unchecked Sendable`: `result` is written once before the semaphore is signalled, and read after waiting on it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    func finish(_ result: Result<Value, any Error>) {
        self.result = result
        done.signal()
    }

    /// Blocks until `finish`; call it once.
    func wait() -> Result<Value, any Error> {
        done.wait()
        return result!
    }
}
