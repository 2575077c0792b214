/// Coursemap's version, printed by `coursemap --version`.
public enum CoursemapVersion {
    public static let current = "0.1.0"
}
