/// How large one exercise item may be where its page grows faster than the item.
///
/// A matching item shows one list of every right-hand side beside each left-hand side, and an ordering
/// item a list of every position beside each step: pages grow with the square of the pairs or steps. No
/// real item has more than a few dozen; above these limits the item is CM314 and left out of its bank
/// (`docs/hardening.md`, "Numbers and bounded cost").
public enum ItemLimits {
    /// The most pairs a matching item, or steps an ordering item, may have.
    public static let maximumPairs = 200
}
