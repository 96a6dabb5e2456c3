import CSQLite

/// The few calls of sqlite3's C API that Tally needs — writing an Anki collection, reading one back
/// on import — with errors turned into Swift errors (`SQLiteError`).
public final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Opens (and with `create`, creates) the database at `path`; read-only unless `writable`.
    /// Throws `SQLiteError` when sqlite cannot open it.
    public init(path: String, writable: Bool = true) throws {
        let flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw SQLiteError(message: message)
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs `sql` (one or more statements, no results).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw SQLiteError(message: message)
        }
    }

    public func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(message: lastError)
        }
        return Statement(statement, database: self)
    }

    /// Every row of a query, each a list of its columns' values in order.
    public func rows(_ sql: String) throws -> [[Value]] {
        try prepare(sql).rows()
    }

    fileprivate var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// A column value: sqlite's integer, real, text, blob or NULL.
    public enum Value: Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null

        public var integer: Int64? { if case .integer(let n) = self { return n }; return nil }
        public var text: String? {
            switch self {
            case .text(let s): return s
            case .blob(let b): return String(decoding: b, as: UTF8.self)
            default: return nil
            }
        }
        public var bytes: [UInt8] {
            switch self {
            case .blob(let b): return b
            case .text(let s): return Array(s.utf8)
            default: return []
            }
        }
    }

    public final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        /// Binds `values` to the parameters in order, runs the statement once and resets it for the next row.
        public func run(_ values: [Value]) throws {
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case .integer(let n): sqlite3_bind_int64(statement, position, n)
                case .real(let x): sqlite3_bind_double(statement, position, x)
                // SQLITE_TRANSIENT: sqlite copies the text, which Swift frees after the call.
                case .text(let s): sqlite3_bind_text(statement, position, s, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                case .blob(let b): sqlite3_bind_blob(statement, position, b, Int32(b.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                case .null: sqlite3_bind_null(statement, position)
                }
            }
            let result = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard result == SQLITE_DONE else { throw SQLiteError(message: database.lastError) }
        }

        /// Steps through every row of a query with no parameters.
        public func rows() throws -> [[Value]] {
            var rows: [[Value]] = []
            defer { sqlite3_reset(statement) }
            while true {
                let result = sqlite3_step(statement)
                if result == SQLITE_DONE { return rows }
                guard result == SQLITE_ROW else { throw SQLiteError(message: database.lastError) }
                rows.append((0..<sqlite3_column_count(statement)).map(column))
            }
        }

        private func column(_ i: Int32) -> Value {
            switch sqlite3_column_type(statement, i) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
            case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, i)))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, i))
                guard count > 0, let pointer = sqlite3_column_blob(statement, i) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
            default: return .null
            }
        }
    }
}

/// What sqlite said when a call failed.
public struct SQLiteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
