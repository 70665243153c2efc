import CPango
import CageotLayout
import Foundation

/// A fontconfig configuration that sees only the fonts of one folder, so output never depends on
/// the machine's fonts.
///
/// Its cache (without one fontconfig complains on stderr) is one temporary folder per user, shared
/// by every context and process: fontconfig writes it atomically, and Pango keeps each distinct
/// cache file mapped for good (about 12 KB per context when every context had its own folder).
/// Not Sendable: it belongs to one `FontContext`.
final class PrivateFontConfig {
    /// `FcConfig *`, one reference owned here (Pango takes its own).
    let handle: OpaquePointer

    init(fontsDirectory: URL) throws(FontError) {
        let fonts = fontsDirectory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fonts, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FontError(directory: fonts, reason: "the folder does not exist")
        }
        let cache = FileManager.default.temporaryDirectory
            .appendingPathComponent("cageot-fontconfig-\(getuid())", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        } catch {
            throw FontError(directory: fonts, reason: "cannot create the font cache folder \(cache.path) (\(error))")
        }
        // A folder someone else made at this predictable path could feed fontconfig a forged cache.
        let owner = (try? FileManager.default.attributesOfItem(atPath: cache.path))?[.ownerAccountID] as? NSNumber
        guard owner?.uint32Value == getuid(), FileManager.default.isWritableFile(atPath: cache.path) else {
            throw FontError(directory: fonts, reason: "the font cache folder \(cache.path) is not yours or not writable; remove it")
        }
        guard let config = FcConfigCreate() else {
            throw FontError(directory: fonts, reason: "fontconfig could not create a configuration")
        }
        handle = config

        let xml = """
            <?xml version="1.0"?>
            <fontconfig><dir>\(Self.escaped(fonts))</dir><cachedir>\(Self.escaped(cache.path))</cachedir></fontconfig>
            """
        let loaded = xml.withCString { text in
            text.withMemoryRebound(to: FcChar8.self, capacity: xml.utf8.count + 1) {
                FcConfigParseAndLoadFromMemory(config, $0, FcBool(FcTrue))
            }
        }
        guard loaded == FcTrue, FcConfigBuildFonts(config) == FcTrue else {
            throw FontError(directory: fonts, reason: "fontconfig could not read the folder")
        }
        let families = familyNames()
        if families.isEmpty {
            throw FontError(directory: fonts, reason: "it holds no font file fontconfig can read")
        }
        let missing = [TextStyle.Family.sans, .condensed].map(\.rawValue).filter { !families.contains($0) }
        if !missing.isEmpty {
            throw FontError(directory: fonts, reason: "it lacks the font families \(missing.joined(separator: ", "))")
        }
    }

    deinit { FcConfigDestroy(handle) }

    /// Every family name of every font the configuration found (a font may have several).
    private func familyNames() -> Set<String> {
        guard let set = FcConfigGetFonts(handle, FcSetSystem), let fonts = set.pointee.fonts else { return [] }
        var names: Set<String> = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = fonts[index] else { continue }
            var n: Int32 = 0
            var value: UnsafeMutablePointer<FcChar8>?
            while FcPatternGetString(pattern, FC_FAMILY, n, &value) == FcResultMatch, let value {
                names.insert(String(cString: value))
                n += 1
            }
        }
        return names
    }

    private static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
