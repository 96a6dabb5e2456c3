/// Just enough of the protobuf wire format (https://protobuf.dev/programming-guides/encoding/) to read
/// the two things Tally needs from a current Anki package: a note type's kind (field 1 of its config)
/// and the media list (`MediaEntries { repeated MediaEntry entries = 1; }`, `MediaEntry { string
/// name = 1; … }`). Unknown fields are skipped, as protobuf readers do.
struct ProtobufFields {
    /// (field number, varint value or nil, length-delimited bytes or nil), in order.
    private(set) var fields: [(number: Int, varint: UInt64?, bytes: [UInt8]?)] = []

    init(_ bytes: [UInt8]) {
        var i = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count, shift < 64 {
                let byte = bytes[i]; i += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while i < bytes.count, let key = varint() {
            let number = Int(key >> 3)
            switch key & 7 {
            case 0: guard let v = varint() else { return }; fields.append((number, v, nil))
            case 1: i += 8
            case 2:
                guard let length = varint(), i + Int(length) <= bytes.count else { return }
                fields.append((number, nil, Array(bytes[i..<(i + Int(length))]))); i += Int(length)
            case 5: i += 4
            default: return  // groups (3, 4) are not used by Anki
            }
        }
    }

    func varint(_ number: Int) -> UInt64? { fields.first { $0.number == number }?.varint }
    func messages(_ number: Int) -> [[UInt8]] { fields.filter { $0.number == number }.compactMap(\.bytes) }
    func string(_ number: Int) -> String? { messages(number).first.map { String(decoding: $0, as: UTF8.self) } }
}
