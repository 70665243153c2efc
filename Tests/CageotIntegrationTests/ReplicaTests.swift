import CageotStore
import Foundation
import Testing

@Suite(.enabled(if: TestDatabase.isAvailable))
struct ReplicaTests {
    /// Every table and column of camap-schema.md, spelled as CAMAP spells them.
    static let schema: [String: [String]] = [
        "User": ["id", "firstName", "lastName", "email", "phone", "firstName2", "lastName2", "email2", "phone2", "address1",
                 "address2", "zipCode", "city", "cdate", "ldate", "lang", "flags"],
        "Group": ["id", "name", "userId", "placeId", "imageId", "txtDistrib", "flags", "hasMembership", "membershipRenewalDate",
                  "membershipFee", "currency", "currencyCode", "checkOrder", "vatRates", "allowedPaymentsType", "cdate", "disabled"],
        "UserGroup": ["userId", "groupId", "rights", "balance"],
        "Membership": ["userId", "groupId", "year", "date", "amount", "distributionId", "operationId"],
        "Place": ["id", "name", "address1", "address2", "zipCode", "city", "country", "lat", "lng", "groupId"],
        "Vendor": ["id", "name", "peopleName", "email", "phone", "address1", "address2", "zipCode", "city", "companyNumber",
                   "userId", "disabled", "cdate"],
        "Catalog": ["id", "name", "type", "groupId", "vendorId", "userId", "startDate", "endDate", "description", "flags",
                    "distribMinOrdersTotal", "catalogMinOrdersTotal", "absentDistribsMaxNb", "absencesStartDate",
                    "absencesEndDate", "orderStartDaysBeforeDistrib", "orderEndHoursBeforeDistrib"],
        "Product": ["id", "catalogId", "name", "ref", "price", "vat", "qt", "unitType", "organic", "variablePrice",
                    "multiWeight", "bulk", "active"],
        "MultiDistrib": ["id", "groupId", "placeId", "distribStartDate", "distribEndDate", "orderStartDate", "orderEndDate",
                         "volunteerRolesIds"],
        "Distribution": ["id", "catalogId", "multiDistribId", "placeId", "date", "end", "orderStartDate", "orderEndDate", "quantities"],
        "Basket": ["id", "userId", "multiDistribId", "num", "cdate", "total", "status", "data"],
        "UserOrder": ["id", "userId", "userId2", "productId", "distributionId", "basketId", "subscriptionId", "quantity",
                      "productPrice", "feesRate", "paid", "date", "flags"],
        "Subscription": ["id", "userId", "userId2", "catalogId", "startDate", "endDate", "defaultOrders", "absentDistribIds"],
        "Operation": ["id", "userId", "groupId", "type", "name", "amount", "date", "pending", "subscriptionId", "relationId",
                      "basketId", "data"],
        "VolunteerRole": ["id", "name", "groupId", "catalogId", "enabledByDefault"],
        "Volunteer": ["userId", "multiDistribId", "volunteerRoleId"],
        "File": ["id", "name", "data", "cdate"],
    ]

    @Test func replicaHasEveryTableAndColumnWithCamapNames() throws {
        let db = try TestDatabase.connect("replica")
        let columns = try db.query("columns", """
            SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
            """) { (try $0.decode("table_name", as: String.self), try $0.decode("column_name", as: String.self)) }
        let actual = Dictionary(grouping: columns, by: \.0).mapValues { $0.map(\.1) }
        #expect(actual == Self.schema)
    }

    @Test func typesFollowTheMigrationMapping() throws {
        let db = try TestDatabase.connect("types")
        let types = try db.query("types", """
            SELECT table_name || '.' || column_name AS c, data_type AS t FROM information_schema.columns WHERE table_schema = 'public'
            """) { (try $0.decode("c", as: String.self), try $0.decode("t", as: String.self)) }
        let map = Dictionary(uniqueKeysWithValues: types)
        #expect(map["UserOrder.quantity"] == "double precision" && map["UserOrder.productPrice"] == "double precision")
        #expect(map["Product.bulk"] == "boolean" && map["Product.unitType"] == "smallint")
        #expect(map["MultiDistrib.distribStartDate"] == "timestamp without time zone")
        #expect(map["Membership.date"] == "date" && map["File.data"] == "bytea" && map["Group.disabled"] == "character varying")
        #expect(map["Group.flags"] == "integer" && map["Operation.type"] == "smallint")
    }

    @Test func everyForeignKeyHasAnIndex() throws {
        let db = try TestDatabase.connect("fk")
        let unindexed = try db.query("foreign keys without an index", """
            SELECT c.conrelid::regclass::text || '.' || a.attname AS fk
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND NOT EXISTS (
                SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
            """) { try $0.decode("fk", as: String.self) }
        #expect(unindexed.isEmpty, "\(unindexed)")
        let count = try db.query("fk count", "SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f'") { try $0.decode("n", as: Int.self) }
        #expect(count == [41])
    }

    @Test func aRowWithEveryColumnLoadsAndReadsBack() throws {
        let db = try TestDatabase.connect("fullrow")
        let sql = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/CageotIntegrationTests/Fixtures/every-column.sql"), encoding: .utf8)
        try db.executeScript("every column", sql)
        for table in Self.schema.keys.sorted() {
            let quoted = db.quoteIdentifier(table)
            let full = try db.query("full rows of \(table)", "SELECT count(*) AS n FROM \(quoted) t WHERE t IS NOT NULL") { try $0.decode("n", as: Int.self) }
            #expect(full.first ?? 0 >= 1, "\(table) has no row with every column filled")
        }
    }
}
