/// A document written to disk, as recorded in the ledger.
public struct GeneratedDocument: Sendable, Hashable {
    public var kind: String
    /// What the document is about, e.g. `session:42`.
    public var scope: String
    /// SHA-256 of the data the document was built from: the same inputs give the same fingerprint.
    public var fingerprint: String
    public var path: String
    /// SHA-256 of the file's bytes.
    public var checksum: String
    public var bytes: Int
    public var pages: Int
}
