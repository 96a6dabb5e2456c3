import CZstd
import Foundation

/// Zstandard decompression through Debian's libzstd (RFC 8878 frames), as Anki writes them: the
/// current package format compresses the collection, the media list and every media file.
enum Zstd {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The decompressed bytes of one or more frames; streams, so frames without a content size work.
    static func decompress(_ data: Data) throws -> Data {
        guard let stream = ZSTD_createDStream() else { throw Failure(description: "zstd: out of memory") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var output = Data()
        let chunk = ZSTD_DStreamOutSize()
        var buffer = [UInt8](repeating: 0, count: chunk)
        try data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            var produced = 0
            // A full output buffer may hold back more even when all input is read: go on until it isn't full.
            repeat {
                produced = try buffer.withUnsafeMutableBytes { target -> Int in
                    var out = ZSTD_outBuffer(dst: target.baseAddress, size: chunk, pos: 0)
                    let result = ZSTD_decompressStream(stream, &out, &input)
                    if ZSTD_isError(result) != 0 {
                        throw Failure(description: "zstd: " + String(cString: ZSTD_getErrorName(result)))
                    }
                    return out.pos
                }
                output.append(contentsOf: buffer[0..<produced])
            } while input.pos < input.size || produced == chunk
        }
        return output
    }
}
