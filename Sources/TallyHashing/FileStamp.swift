import Foundation

/// A file's size and modification time, standing in for its contents where reading them would cost
/// more than the key is worth (as `make` does): the `tally` executable and KaTeX in the keys of what a
/// build keeps. Symbolic links are followed; "-" when the file cannot be read.
public enum FileStamp {
    public static func of(_ path: String) -> String {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real) else { return "-" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(time)"
    }

    /// The running `tally` executable's stamp: what a kept result made by another build of Tally must not be used across.
    public static let executable = of("/proc/self/exe")
}
