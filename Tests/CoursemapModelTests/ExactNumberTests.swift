import CoursemapModel
import Testing

@Suite("Exact report numbers: hundredths, tenths, decimal text (docs/coverage.md §4, §5)")
struct ExactNumberTests {
    @Test("content numbers become hundredths through their shortest text, never through a binary product")
    func fromDoubles() {
        #expect(Hundredths(0.3)?.count == 30)
        #expect(Hundredths(0.1 + 0.2)?.count == 30, "0.30000000000000004 rounds half up at 0.01 to 0.30")
        #expect(Hundredths(1.005)?.count == 101, "1.005 as written rounds up, though 1.005 × 100 is 100.49999…")
        #expect(Hundredths(2.675)?.count == 268)
        #expect(Hundredths(4)?.count == 400)
        #expect(Hundredths(1e-5)?.count == 0)
        #expect(Hundredths(1.5e3)?.count == 150_000)
        #expect(Hundredths(-0.125)?.count == -13, "half up on the magnitude")
        #expect(Hundredths(.infinity) == nil)
        #expect(Hundredths(.nan) == nil)
        #expect(Hundredths(1e300) == nil, "beyond Int64 hundredths: nil, never a trap")
        #expect(Hundredths(100_000)?.count == 10_000_000)
    }

    @Test("parsing reports whether more than two decimals were rounded away (CM210)")
    func parsing() throws {
        #expect(Hundredths.parse("1.25")?.value.count == 125)
        #expect(Hundredths.parse("1.25")?.rounded == false)
        #expect(Hundredths.parse("1.250000")?.rounded == false, "trailing zeros are not more decimals")
        #expect(Hundredths.parse("1.255")?.value.count == 126)
        #expect(Hundredths.parse("1.255")?.rounded == true)
        #expect(Hundredths.parse("1.2549999")?.value.count == 125)
        #expect(Hundredths.parse(".5")?.value.count == 50)
        #expect(Hundredths.parse("+7")?.value.count == 700)
        #expect(Hundredths.parse("2e-3")?.value.count == 0)
        #expect(Hundredths.parse("5e-3")?.value.count == 1)
        #expect(Hundredths.parse("0.0000000000000000000000000000000000001")?.rounded == true)
        for bad in ["", ".", "1.2.3", "abc", "1e", "1e+", "0x10", "--1", "1e9999999"] {
            #expect(Hundredths.parse(bad) == nil, "\(bad)")
        }
        #expect(Hundredths.parse("99999999999999999999") == nil, "too large for Int64 hundredths")
        #expect(DecimalText.scaled("1.239", decimals: 2, rounding: .down)?.units == 123)
        #expect(DecimalText.scaled("123.456789123", decimals: 9)?.units == 123_456_789_123)
    }

    @Test("formatting: up to two decimals, trailing zeros dropped; shares always with one decimal")
    func formatting() {
        #expect(Hundredths(count: 200).text == "2")
        #expect(Hundredths(count: 150).text == "1.5")
        #expect(Hundredths(count: 33).text == "0.33")
        #expect(Hundredths(count: 5).text == "0.05")
        #expect(Hundredths(count: -5).text == "-0.05")
        #expect(Hundredths(count: 0).text == "0")
        #expect(Hundredths(count: .max).text == "92233720368547758.07")
        #expect(Hundredths(count: .min).text == "-92233720368547758.08")
        #expect(Tenths(count: 170).text == "17.0")
        #expect(Tenths(count: 83).text == "8.3")
        #expect(Tenths(count: 1000).text == "100.0")
        #expect(Tenths(count: 0).text == "0.0")
    }

    @Test("shares are the exact fraction rounded half up to 0.1, without overflow")
    func shares() {
        #expect(Tenths.percent(1, of: 3).count == 333)
        #expect(Tenths.percent(2, of: 3).count == 667)
        #expect(Tenths.percent(1, of: 8).count == 125, "12.5 exactly")
        #expect(Tenths.percent(1, of: 16).count == 63, "6.25 rounds half up to 6.3")
        #expect(Tenths.percent(0, of: 0) == .zero)
        #expect(Tenths.percent(5, of: 0) == .zero)
        #expect(Tenths.percent(.max, of: .max).count == 1000)
        #expect(Tenths.percent(.max / 3, of: .max).count == 333)
        #expect(Tenths.difference(Tenths(count: 170), Tenths(count: 90)).count == 80)
        #expect(ExactDivision.roundedHalfUp(.max, times: 1000, over: 1) == .max, "a result beyond Int64 is clamped, not a trap")
        #expect(ExactDivision.roundedHalfUp(5, over: 2) == 3)
        #expect(ExactDivision.roundedHalfUp(4, over: 3) == 1)
    }

    @Test("splitting by the largest-remainder rule adds up exactly, first parts first")
    func split() {
        #expect(Hundredths(count: 100).split(into: 3).map(\.count) == [34, 33, 33])
        #expect(Hundredths(count: 250).split(into: 2).map(\.count) == [125, 125])
        #expect(Hundredths(count: 2).split(into: 5).map(\.count) == [1, 1, 0, 0, 0])
        #expect(Hundredths(count: .max).split(into: 7).map(\.count).reduce(0, &+) == .max)
        #expect(Hundredths(count: 10).split(into: 0).isEmpty)
        for total in [0, 1, 99, 100, 101, 9_999] as [Int64] {
            for parts in 1...9 {
                let split = ExactDivision.split(total, into: parts)
                #expect(split.reduce(0, +) == total)
                #expect(split.max()! - split.min()! <= 1)
                #expect(split == split.sorted(by: >))
            }
        }
    }

    @Test("the largest content amounts add up without overflow")
    func bounds() {
        // 10,000 modules of the most hours a module may have.
        let most = Hundredths(NumberBounds.maximumHours)!
        let sum = Array(repeating: most, count: 10_000).sum()
        #expect(sum.count == 100_000_000_000)
        #expect(sum.share(of: sum).count == 1000)
        #expect(Hundredths(NumberBounds.maximumScore)!.count == 100_000_000)
    }
}
