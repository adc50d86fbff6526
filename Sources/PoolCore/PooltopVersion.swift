/// pooltop's release number: `pooltop --version` prints it, and `scripts/dist` names the tarball
/// and the wheel with it.
public enum PooltopVersion {
    /// The release number, `major.minor.patch`.
    public static let number = "0.20.0"
}
