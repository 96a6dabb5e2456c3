import Foundation

/// The package's root folder: this file is <root>/Tests/TallyTestSupport/PackageRoot.swift.
/// Tests find `reference/`, `.venv/`, the build products and `../shared/seeds` from here.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
