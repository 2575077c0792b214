import CoursemapModel
import Foundation

/// Moodle's fixed set of answer grades ("fractions"), in percent as Moodle XML writes them.
///
/// Moodle's question bank only knows these grades (`question_bank::fraction_options_full()`); its XML
/// importer checks every answer grade of multichoice, shortanswer and numerical questions against them and
/// rejects the whole file when one is off (`match_grade_options(..., 'error')`).
///
/// Tolerance: Moodle compares the grade as a fraction of 1 with `abs($grade - $value) < 0.00001`, where the
/// stored values are rounded to 7 decimals (0.8333333). In the percent units of the XML that is a tolerance
/// of 0.001, which we use too: `83.33333`, `83.3333` and `83.333` are accepted (as Moodle does), `83.3` and
/// `33` are not. Text that is not a number at all is rejected as well (Moodle would silently read 0).
public enum MoodleFractions {
    /// The positive grades, from 100 down; `valid` adds 0 and the negatives.
    public static let positive: [Double] = [
        100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5,
        11.11111, 10, 5,
    ]

    /// Every grade Moodle accepts, in percent: the positives, 0, then the negatives.
    public static let valid: [Double] = positive + [0] + positive.map { -$0 }

    /// Largest distance (in percent) at which a written grade still counts as one of `valid`.
    public static let tolerance = 0.001

    /// The grade of the set that `value` stands for, or `nil` when it is not within `tolerance` of one.
    public static func match(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        return valid.first { abs($0 - value) < tolerance }
    }

    public static func isValid(_ value: Double) -> Bool { match(value) != nil }

    /// Whether a `fraction` attribute's text is a valid grade.
    public static func isValid(_ text: String) -> Bool {
        guard let value = parse(text) else { return false }
        return isValid(value)
    }

    /// The number a `fraction` attribute holds (surrounding whitespace allowed).
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// The grade of the set closest to `value` (ties go to the first listed, i.e. the larger grade).
    public static func nearest(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        var best = valid[0]
        for candidate in valid where abs(candidate - value) < abs(best - value) { best = candidate }
        return best
    }

    /// Grades for the `count` correct choices of a multiple-answer question: all from the set, each positive,
    /// summing to 100 as Moodle requires (to two decimals: 3 × 33.33333 is accepted). `nil` when no such
    /// split exists (more than 20 correct choices, or none).
    public static func split(correctCount count: Int) -> [Double]? {
        guard count >= 1 else { return nil }
        if count <= 10 {
            // 100/k is in the set for every k in 1...10.
            let share = 100 / Double(count)
            guard let grade = match(share) else { return nil }
            return Array(repeating: grade, count: count)
        }
        guard count <= 20 else { return nil }
        // m × 10 + (count − m) × 5 = 100  ⇒  m = 20 − count.
        let tens = 20 - count
        return Array(repeating: 10, count: tens) + Array(repeating: 5, count: count - tens)
    }

    /// The text Moodle XML uses for a grade: `100`, `12.5`, `33.33333`, `-50`.
    public static func format(_ value: Double) -> String { MoodleNumber.format(value) }
}

/// Numbers as Moodle XML writes them.
enum MoodleNumber {
    /// Integral values without a decimal point, others in Swift's shortest round-tripping form.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func parse(_ text: String?) -> Double? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite, abs(value) <= NumberBounds.maximumAnswerMagnitude else { return nil }
        return value
    }
}
