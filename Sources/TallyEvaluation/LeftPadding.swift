extension String {
    /// `self` with `pad` in front up to `width` characters (unchanged when already that wide).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
