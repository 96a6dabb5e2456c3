import Foundation
import TallyEvaluation

/// The engine notebook programs in tests link against: `TALLY_ENGINE_DIR`, else beside the test
/// bundle (the build folder of this `swift test`), else the package's `.build/debug`.
public let testEngine: EngineLocation? = EngineLocation.find()
    ?? EngineLocation(folder: Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent())
    ?? EngineLocation(folder: packageRoot.appendingPathComponent(".build/debug"))

/// A class of this module, so that `Bundle(for:)` names the test bundle it is linked into.
private final class BundleMarker {}
