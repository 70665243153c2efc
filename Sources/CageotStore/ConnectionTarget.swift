/// Where to connect, in psql's order: `--database`, else `DATABASE_URL`, else libpq's defaults.
public enum ConnectionTarget {
    /// The conninfo or URL to hand to libpq; an empty string means libpq's own defaults
    /// (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, `.pgpass`, PGSERVICE).
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return url }
        return ""
    }
}
