import CCairo
import Foundation

/// A decoded raster image as a cairo image surface, owned here.
///
/// PNG is decoded by cairo. JPEG is not decoded at all: a light grey surface of the right size carries
/// the JPEG bytes as `CAIRO_MIME_TYPE_JPEG`, which the PDF surface embeds as they are (DCTDecode).
/// Not Sendable: one document's drawer owns it.
final class CairoImage {
    let surface: OpaquePointer  // cairo_surface_t *
    let width: Double
    let height: Double

    /// Decodes PNG or JPEG bytes; throws a short reason when they are neither or are damaged.
    init(bytes: [UInt8]) throws(ImageDecodingError) {
        let surface: OpaquePointer
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            surface = try Self.decodePNG(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            surface = try Self.wrapJPEG(bytes)
        } else {
            throw ImageDecodingError(reason: "the image is neither PNG nor JPEG")
        }
        self.surface = surface
        width = Double(cairo_image_surface_get_width(surface))
        height = Double(cairo_image_surface_get_height(surface))
    }

    deinit { cairo_surface_destroy(surface) }

    private static func decodePNG(_ bytes: [UInt8]) throws(ImageDecodingError) -> OpaquePointer {
        let reader = ByteReader(bytes)
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream({ closure, data, length in
                let reader = Unmanaged<ByteReader>.fromOpaque(closure!).takeUnretainedValue()
                return reader.read(into: data!, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
            }, Unmanaged.passUnretained(reader).toOpaque())!
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw ImageDecodingError(reason: "the PNG cannot be decoded (\(String(cString: cairo_status_to_string(status))))")
        }
        return surface
    }

    private static func wrapJPEG(_ bytes: [UInt8]) throws(ImageDecodingError) -> OpaquePointer {
        guard let size = JPEGHeader.size(of: bytes) else {
            throw ImageDecodingError(reason: "the JPEG has no readable frame header")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height))!
        // Its pixels only show on a PNG preview (the PDF embeds the JPEG): light grey, not black.
        let cr = cairo_create(surface)
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9)
        cairo_paint(cr)
        cairo_destroy(cr)
        // Cairo keeps the bytes until the surface dies, then calls `free`.
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        let status = cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(bytes.count), { free($0) }, copy)
        guard status == CAIRO_STATUS_SUCCESS, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if status != CAIRO_STATUS_SUCCESS { free(copy) }
            cairo_surface_destroy(surface)
            throw ImageDecodingError(reason: "cairo refused the JPEG (\(String(cString: cairo_status_to_string(status))))")
        }
        return surface
    }
}

/// Why an image item cannot be drawn.
struct ImageDecodingError: Error {
    var reason: String
}

/// Feeds bytes to cairo's PNG stream reader.
private final class ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard count <= bytes.count - offset else { return false }
        bytes.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + offset, count: count) }
        offset += count
        return true
    }
}
