/// pooltop's version, as `--version` and the files it writes (recordings) give it.
public enum PooltopVersion {
    /// The release number.
    public static let number = "0.10.0"
}
