import Foundation

/// An 8-bit grayscale image, 0 black to 255 white, row by row: what a binary PGM (netpbm `P5`)
/// holds. PDF pages become PGM with `pdftoppm -gray`, PNG references with `pngtopnm`, so no PNG
/// decoder (and no zlib) is needed here.
struct GrayImage: Equatable, Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "\(pixels.count) pixels for \(width) × \(height)")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// Reads a binary PGM (`P5`, comments allowed, maxval up to 255: netpbm scales other ones).
    init(pgm data: Data) throws(ImageFileError) {
        let bytes = [UInt8](data)
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        // A header token, after any whitespace and `#` comments; the one whitespace byte ending it is consumed.
        func token() throws(ImageFileError) -> String {
            while index < bytes.count && (isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "#")) {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                }
                index += 1
            }
            var text = ""
            while index < bytes.count && !isSpace(bytes[index]) {
                text.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            guard !text.isEmpty, index < bytes.count else { throw ImageFileError(reason: "the PGM header ends early") }
            index += 1
            return text
        }
        guard try token() == "P5" else { throw ImageFileError(reason: "not a binary PGM (P5): convert it with pngtopnm or pdftoppm -gray") }
        guard let width = Int(try token()), let height = Int(try token()), let maxValue = Int(try token()),
              width > 0, height > 0, (1...255).contains(maxValue) else {
            throw ImageFileError(reason: "a PGM header with a bad size or a maxval above 255")
        }
        // `token()` consumed exactly the one whitespace byte that separates the header from the pixels.
        guard bytes.count - index >= width * height else {
            throw ImageFileError(reason: "\(bytes.count - index) bytes of pixels for \(width) × \(height)")
        }
        let raw = bytes[index..<index + width * height]
        self.init(width: width, height: height,
                  pixels: maxValue == 255 ? Array(raw) : raw.map { UInt8(min(255, Int($0) * 255 / maxValue)) })
    }

    /// The image as a binary PGM.
    var pgm: Data {
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The image moved `dx` pixels right (left when negative) and `dy` down, white where nothing
    /// moved in; with `columns`, only that band of columns moves (a table column drawn off by a few pixels).
    func shifted(dx: Int, dy: Int = 0, columns: Range<Int>? = nil) -> GrayImage {
        let band = columns ?? 0..<width
        var out = pixels
        for y in 0..<height {
            for x in band {
                let sx = x - dx, sy = y - dy
                out[y * width + x] = band.contains(sx) && (0..<height).contains(sy) ? self[sx, sy] : 255
            }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }

    /// How far this image is from `reference`; nil when their sizes differ.
    func difference(from reference: GrayImage, strongLevel: Int) -> ImageDifference? {
        guard width == reference.width, height == reference.height else { return nil }
        var total = 0, strong = 0
        for i in pixels.indices {
            let delta = abs(Int(pixels[i]) - Int(reference.pixels[i]))
            total += delta
            if delta > strongLevel { strong += 1 }
        }
        return ImageDifference(meanAbsolute: Double(total) / Double(pixels.count),
                               strongFraction: Double(strong) / Double(pixels.count))
    }

    /// The reference as a light ghost with every difference drawn dark on it: black where the two
    /// images differ most, so a moved column shows as a double outline.
    func diffImage(against reference: GrayImage) -> GrayImage {
        precondition(width == reference.width && height == reference.height)
        let out = pixels.indices.map { i -> UInt8 in
            let delta = abs(Int(pixels[i]) - Int(reference.pixels[i]))
            let ghost = 192 + Int(reference.pixels[i]) / 4
            return UInt8(min(ghost, 255 - delta))
        }
        return GrayImage(width: width, height: height, pixels: out)
    }
}

/// The distance between two renders of a page.
struct ImageDifference: Sendable, CustomStringConvertible {
    /// The mean of |a − b| over all pixels, in gray levels (0 to 255).
    var meanAbsolute: Double
    /// The share of pixels (0 to 1) whose levels differ by more than the tolerance's `strongLevel`.
    var strongFraction: Double

    var description: String {
        String(format: "mean difference %.3f levels, %.3f %% of pixels differ strongly", meanAbsolute, strongFraction * 100)
    }
}

/// When two renders of a page count as the same page.
///
/// Antialiasing changes with poppler, cairo or FreeType versions move edge pixels by a few levels:
/// a tiny mean and almost no pixel swinging from ink to paper. A text or a rule drawn a few pixels
/// off swings every edge pixel it has between ink and paper, which both limits catch (the 3-pixel
/// shift tests of ReferenceImageTests prove it on real pages).
struct ImageTolerance: Sendable, CustomStringConvertible {
    /// The largest mean absolute difference accepted, in gray levels.
    var maxMean: Double
    /// The largest share of pixels (0 to 1) accepted to differ by more than `strongLevel`.
    var maxStrongFraction: Double
    /// A difference above this many levels is a pixel going from ink to paper, not a shade.
    var strongLevel: Int

    static let references = ImageTolerance(maxMean: 0.5, maxStrongFraction: 0.001, strongLevel: 64)

    func accepts(_ difference: ImageDifference) -> Bool {
        difference.meanAbsolute <= maxMean && difference.strongFraction <= maxStrongFraction
    }

    var description: String {
        String(format: "at most %.2f levels on average and %.2f %% of pixels beyond %d levels", maxMean, maxStrongFraction * 100, strongLevel)
    }
}

struct ImageFileError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Page images through netpbm and poppler (Debian's `netpbm` and `poppler-utils`, see scripts/bootstrap).
enum PageImages {
    /// Resolution and mode of every reference: small (about 413 × 585 for A4 portrait) yet a
    /// 9-point line stays readable.
    static let dpi = 50

    /// Page `page` of a PDF, rendered in gray at `dpi`.
    static func render(_ pdf: URL, page: Int = 1, in folder: URL) throws -> GrayImage {
        let root = folder.appendingPathComponent("\(pdf.deletingPathExtension().lastPathComponent)-page\(page)")
        try run("pdftoppm", ["-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), "-singlefile", pdf.path, root.path])
        return try GrayImage(pgm: Data(contentsOf: root.appendingPathExtension("pgm")))
    }

    /// Decodes a PNG with `pngtopnm` (gray PNGs come back as PGM).
    static func readPNG(_ url: URL) throws -> GrayImage {
        let outcome = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["pngtopnm", url.path])
        guard outcome.status == 0 else { throw ToolFailed(tool: "pngtopnm", status: outcome.status, output: outcome.stderr) }
        return try GrayImage(pgm: outcome.stdoutData)
    }

    /// Encodes `image` as a gray PNG with `pnmtopng` (best compression: the references are committed).
    static func writePNG(_ image: GrayImage, to url: URL) throws {
        let pgm = url.deletingPathExtension().appendingPathExtension("pgm.tmp")
        try image.pgm.write(to: pgm)
        defer { try? FileManager.default.removeItem(at: pgm) }
        let outcome = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["pnmtopng", "-compression", "9", pgm.path])
        guard outcome.status == 0 else { throw ToolFailed(tool: "pnmtopng", status: outcome.status, output: outcome.stderr) }
        try outcome.stdoutData.write(to: url, options: .atomic)
    }
}

/// What a process printed, as bytes, and how it ended.

