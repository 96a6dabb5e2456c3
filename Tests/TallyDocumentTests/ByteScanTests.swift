import XCTest
import TallyDocument

/// `ByteScan.next` must find the same byte as a plain loop over the bytes, whatever the word tests say:
/// every byte value at every offset of a buffer longer than a word.
final class ByteScanTests: XCTestCase {
    func testFindsTheFirstSpecialByteAsAPlainLoopDoes() {
        let tests: [(String, (UInt64) -> Bool, (UInt8) -> Bool)] = [
            ("quote", { ByteScan.has($0, 0x22) }, { $0 == 0x22 }),
            ("below 0x20", { ByteScan.hasLess($0, than: 0x20) }, { $0 < 0x20 }),
            ("non-ASCII", { ByteScan.hasNonASCII($0) }, { $0 >= 0x80 }),
        ]
        for (name, mayHold, special) in tests {
            for value in 0...255 {
                for offset in 0..<27 {
                    var bytes = [UInt8](repeating: 0x61, count: 27)
                    bytes[offset] = UInt8(value)
                    let expected = bytes.firstIndex(where: special) ?? bytes.count
                    let found = bytes.withUnsafeBufferPointer { ByteScan.next(in: $0, from: 0, mayHold: mayHold, special: special) }
                    XCTAssertEqual(found, expected, "\(name) \(value) at \(offset)")
                }
            }
        }
    }
}
