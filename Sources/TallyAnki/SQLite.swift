import CSQLite

/// The few calls of sqlite3's C API that writing a collection needs, with errors turned into Swift errors.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw AnkiExportError.sqlite(message)
        }
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw AnkiExportError.sqlite(message)
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw AnkiExportError.sqlite(lastError)
        }
        return Statement(statement, database: self)
    }

    fileprivate var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    enum Value {
        case integer(Int64)
        case text(String)
    }

    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        /// Binds `values` to the parameters in order, runs the statement once and resets it for the next row.
        func run(_ values: [Value]) throws {
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                switch value {
                case .integer(let n): sqlite3_bind_int64(statement, position, n)
                // SQLITE_TRANSIENT: sqlite copies the text, which Swift frees after the call.
                case .text(let s): sqlite3_bind_text(statement, position, s, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            }
            let result = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard result == SQLITE_DONE else { throw AnkiExportError.sqlite(database.lastError) }
        }
    }
}
