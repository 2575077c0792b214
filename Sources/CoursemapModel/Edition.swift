/// Which readers a build is for. The student edition never contains the answers or explanations of exam
/// items, in any file; the teacher edition adds answer keys and a printable answer sheet per bank.
public enum Edition: String, Hashable, Sendable, Codable, CaseIterable {
    case student
    case teacher
}
