import CXLSXWriter
import Foundation

/// One XLSX file being written: the only owner of its `lxw_workbook`, freed by `close()` or `deinit`.
///
/// Not Sendable: libxlsxwriter's workbook and its worksheets are plain mutable C state.
public final class Workbook {
    /// The file that `close()` writes.
    public let path: URL
    public let options: Options
    /// The names of the sheets added so far, in order.
    public private(set) var worksheetNames: [String] = []
    /// True once `close()` has run (whether or not it succeeded).
    public var isClosed: Bool { handle == nil }

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// libxlsxwriter formats belong to the workbook: one per distinct `Format`, freed with it.
    private var formats: [Format: UnsafeMutablePointer<lxw_format>] = [:]
    private var doubles: [Decimal: Double] = [:]

    /// Starts a workbook that `close()` will write to `path` (nothing is written before then).
    ///
    /// The folders are checked now so that a bad path fails before any work, not at `close()`.
    public init(path: URL, properties: DocumentProperties, options: Options = Options()) throws(XLSXError) {
        self.path = path
        self.options = options
        let filePath = path.path
        try Self.checkFolder(path.deletingLastPathComponent(), code: LXW_ERROR_CREATING_XLSX_FILE,
                             role: "output folder", path: filePath)
        if let tmp = options.temporaryDirectory {
            // libxlsxwriter silently falls back to /tmp when this folder is unusable: refuse it here.
            try Self.checkFolder(tmp, code: LXW_ERROR_CREATING_TMPFILE, role: "temporary folder", path: filePath)
        }
        if options.constantMemory { Self.raiseOpenFileLimit() }
        let tmpdir = (options.temporaryDirectory ?? Self.defaultTemporaryDirectory).map { strdup($0.path)! }
        defer { free(tmpdir) }
        var lxwOptions = lxw_workbook_options(constant_memory: options.constantMemory ? 1 : 0,
                                              tmpdir: tmpdir, use_zip64: 0)
        guard let handle = workbook_new_opt(filePath, &lxwOptions) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, path: filePath, location: nil,
                            detail: "workbook_new_opt returned NULL")
        }
        let status = properties.apply(to: handle)
        guard status == LXW_NO_ERROR else {
            lxw_workbook_free(handle) // frees without writing a file nobody will finish
            throw XLSXError(status, path: filePath, location: nil, detail: "document properties")
        }
        self.handle = handle
    }

    /// In constant-memory mode every sheet keeps a temp file open until `close()`: a farmer's
    /// workbook of 600 distributions needs more than the usual soft limit of 1,024 descriptors,
    /// so the soft limit is raised to the hard one (once, for the whole process).
    private static let raisedLimit: Void = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }()

    static func raiseOpenFileLimit() { _ = raisedLimit }

    /// Where libxlsxwriter keeps its temp files when the options name no folder: `$TMPDIR` if set,
    /// else `/dev/shm` (memory) when usable, else libxlsxwriter's own `tmpfile()` in /tmp. Every
    /// workbook writes each of its parts (a dozen) through a temp file, deleted at once: on a disk
    /// file system creating them was a tenth of a batch's CPU (ext4 inode allocation), in memory
    /// it is nothing, and they hold one workbook at a time.
    static let defaultTemporaryDirectory: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["TMPDIR"], "/dev/shm"].compactMap { $0 }.filter { !$0.isEmpty }
        for path in candidates {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
               access(path, W_OK | X_OK) == 0 {
                return URL(fileURLWithPath: path, isDirectory: true)
            }
        }
        return nil
    }()

    deinit {
        // The caller forgot close() (or gave up after an error): finish the file, ignoring errors.
        if let handle { _ = workbook_close(handle) }
    }

    /// Adds a sheet named after `name`, made valid and unique with `SheetName.safe`; the sheet's
    /// `name` says what it became; `tail` is kept whole at the end when the name is cut.
    public func addWorksheet(named name: String, tail: String = "") throws(XLSXError) -> Worksheet {
        let handle = try openHandle(location: name)
        let safeName = SheetName.safe(name, tail: tail, avoiding: worksheetNames)
        guard let sheet = workbook_add_worksheet(handle, safeName) else {
            let validation = workbook_validate_sheet_name(handle, safeName)
            let code = validation != LXW_NO_ERROR ? validation
                : options.constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED
            throw error(code, location: safeName, detail: "workbook_add_worksheet failed")
        }
        worksheetNames.append(safeName)
        return Worksheet(workbook: self, handle: sheet, name: safeName)
    }

    /// Writes the file and frees the workbook. Call it exactly once; the workbook and its sheets
    /// cannot be used afterwards, even when it throws.
    public func close() throws(XLSXError) {
        let handle = try openHandle(location: nil)
        self.handle = nil
        formats.removeAll()
        let status = workbook_close(handle) // frees the workbook and every format and sheet
        if status != LXW_NO_ERROR {
            throw error(status, location: nil, detail: status == LXW_ERROR_CREATING_XLSX_FILE
                        ? String(cString: strerror(errno)) : nil)
        }
    }

    // MARK: - For Worksheet

    func openHandle(location: @autoclosure () -> String?) throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, location: location(), detail: "the workbook is already closed")
        }
        return handle
    }

    /// The libxlsxwriter format for `format`, created on first use; nil for the default look.
    func lxwFormat(_ format: Format?, location: @autoclosure () -> String) throws(XLSXError)
        -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        if let existing = formats[format] { return existing }
        let handle = try openHandle(location: location())
        guard let created = workbook_add_format(handle) else {
            throw error(LXW_ERROR_MEMORY_MALLOC_FAILED, location: location(), detail: "workbook_add_format returned NULL")
        }
        format.apply(to: created)
        formats[format] = created
        return created
    }

    /// The double nearest `decimal`: its text parsed, since NSDecimalNumber.doubleValue is not always
    /// the nearest. Made once per distinct value (the same quantities and prices fill every row).
    func double(_ decimal: Decimal) -> Double {
        if let known = doubles[decimal] { return known }
        let number = Double(decimal.description) ?? .nan
        doubles[decimal] = number
        return number
    }

    func error(_ code: lxw_error, location: String?, detail: String? = nil) -> XLSXError {
        XLSXError(code, path: path.path, location: location, detail: detail, constantMemory: options.constantMemory)
    }

    // MARK: - Private

    private static func checkFolder(_ folder: URL, code: lxw_error, role: String, path: String) throws(XLSXError) {
        var isFolder: ObjCBool = false
        let folderPath = folder.path
        let reason: String? = if !FileManager.default.fileExists(atPath: folderPath, isDirectory: &isFolder) {
            "the \(role) \(folderPath) does not exist"
        } else if !isFolder.boolValue {
            "the \(role) \(folderPath) is not a folder"
        } else if access(folderPath, W_OK | X_OK) != 0 {
            "the \(role) \(folderPath) is not writable"
        } else {
            nil
        }
        if let reason {
            throw XLSXError(code, path: path, location: nil, detail: reason)
        }
    }
}

/// libxlsxwriter is not thread-safe: a workbook stays on the task that made it.
@available(*, unavailable)
extension Workbook: Sendable {}
