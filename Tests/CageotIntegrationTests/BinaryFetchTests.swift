@testable import CageotStore
import Foundation
import Testing

/// `Connection.fetchBinary` (the usage report's order lines) and the open-addressing table the
/// report counts them in, against a real PostgreSQL.
@Suite(.enabled(if: TestDatabase.isAvailable))
struct BinaryFetchTests {
    /// 25,001 rows in batches of 10,000: every row once, NULLs as nil, doubles bit for bit.
    @Test func batchesStreamEveryRowWithItsNulls() throws {
        let db = try TestDatabase.connect("binary")
        var rows = 0, sum: Int64 = 0, nulls = 0, halves = 0.0, batches: [Int] = []
        try db.transaction {
            try db.fetchBinary("binary rows", """
                SELECT i::bigint, i / 2.0::float8, CASE WHEN i % 2 = 0 THEN NULL ELSE -i END::bigint
                FROM generate_series($1::integer, $2::integer) AS s(i)
                """, [1, 25_001], columns: [.bigint, .double, .bigint]) { batch in
                batches.append(batch.count)
                for row in 0..<batch.count {
                    rows += 1
                    sum += try #require(batch.int64(row, 0))
                    halves += try #require(batch.double(row, 1))
                    if batch.int64(row, 2) == nil { nulls += 1 } else { #expect(batch.int64(row, 2) == -(batch.int64(row, 0) ?? 0)) }
                }
            }
        }
        #expect(rows == 25_001 && sum == 25_001 * 25_002 / 2 && nulls == 12_500)
        #expect(halves == Double(25_001 * 25_002 / 2) / 2)
        #expect(batches == [10_000, 10_000, 5_001])
        // The cursor is closed: the connection goes on.
        #expect(try db.query("after", "SELECT 1 AS one") { try $0.decode("one", as: Int.self) } == [1])
    }

    /// A column of another type is refused with the query's name, not misread as 8 bytes.
    @Test func aColumnOfAnotherTypeIsAProtocolError() throws {
        let db = try TestDatabase.connect("binary-type")
        #expect(throws: DatabaseError.protocolViolation(query: "typed", message: "column 1 is not bigint or integer (type oid 21)")) {
            try db.transaction {
                try db.fetchBinary("typed", "SELECT 1::smallint", [], columns: [.bigint]) { _ in }
            }
        }
        #expect(throws: DatabaseError.protocolViolation(query: "typed", message: "column 2 is not double precision (type oid 1700)")) {
            try db.transaction {
                try db.fetchBinary("typed", "SELECT 1::float8, 1::numeric", [], columns: [.double, .double]) { _ in }
            }
        }
    }

    /// CAMAP's `integer` columns read as they are, without a cast, next to `bigint` ones.
    @Test func integersAndBigintsReadAlike() throws {
        let db = try TestDatabase.connect("binary-integer")
        var read: [[Int64?]] = []
        try db.transaction {
            try db.fetchBinary("integers", """
                SELECT x::integer AS i, x::bigint * 1000000 AS b
                FROM unnest($1::bigint[]) WITH ORDINALITY AS u(x, n) ORDER BY n
                """, ["{-2147483648,-1,0,1,2147483647,NULL}"], columns: [.bigint, .bigint]) { batch in
                for row in 0..<batch.count { read.append([batch.int64(row, 0), batch.int64(row, 1)]) }
            }
        }
        #expect(read == [[-2_147_483_648, -2_147_483_648_000_000], [-1, -1_000_000], [0, 0], [1, 1_000_000],
                         [2_147_483_647, 2_147_483_647_000_000], [nil, nil]])
    }

    /// What the report sends back to PostgreSQL as text (the distinct quantity and price pairs)
    /// reads back as the same double, the non-finite values included.
    @Test func doublesGoBackToPostgresBitForBit() throws {
        let db = try TestDatabase.connect("binary-doubles")
        let values: [Double] = [0.1, 0.1 + 0.2, 2.675, 1e-05, 5e-324, 1.7976931348623157e308, -0.0, 123456.789, .nan, .infinity, -.infinity]
        var back: [Double] = []
        try db.transaction {
            try db.fetchBinary("doubles", "SELECT x FROM unnest($1::float8[]) WITH ORDINALITY AS u(x, i) ORDER BY i",
                               ["{" + values.map(\.postgresText).joined(separator: ",") + "}"], columns: [.double]) { batch in
                for row in 0..<batch.count { back.append(try #require(batch.double(row, 0))) }
            }
        }
        #expect(back.count == values.count)
        for (value, read) in zip(values, back) {
            #expect(value.isNaN ? read.isNaN : value.bitPattern == read.bitPattern, "\(value) came back as \(read)")
        }
    }

    /// The table agrees with `Dictionary` on 200,000 additions of colliding and spread keys, through growth.
    @Test func pairTableCountsLikeADictionary() {
        var table = PairTable(capacity: 4)
        var reference: [[UInt64]: Int] = [:]
        var random = SystemRandomNumberGenerator()
        for i in 0..<200_000 {
            let a = i % 3 == 0 ? UInt64(i % 97) : random.next() % 5_000
            let b = i % 5 == 0 ? UInt64.max - UInt64(i % 7) : UInt64(i % 13) << 32
            let n = i % 4 + 1
            table.add(a, b, n)
            reference[[a, b], default: 0] += n
        }
        var seen: [[UInt64]: Int] = [:]
        table.forEach { a, b, n in seen[[a, b]] = n }
        #expect(table.count == reference.count && seen == reference)
    }
}
