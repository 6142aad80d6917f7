//! Decimal arithmetic called, not copied. rust_decimal marks its checked operations
//! `#[inline(always)]`, so each `checked_mul` or `checked_add` put the whole algorithm (about a
//! kilobyte of wasm) into its caller: rust_decimal's multiplication and addition were 118 KB of
//! the app's 1.35 MB of code before wasm-opt (issue 18, measured from the build's line
//! tables). The model calls these instead, which in the browser's build hold one copy each; a
//! native build (the snapshot writer, the benchmarks) inlines them as before, where speed
//! matters more than size (out of line, a 365-day projection took 19 % longer natively). The
//! results are rust_decimal's own either way.

use rust_decimal::Decimal;

/// `try_mul` is `checked_mul`, and so on: `None` when the result does not fit.
pub trait DecimalOps: Sized {
    fn try_add(self, other: Decimal) -> Option<Decimal>;
    fn try_sub(self, other: Decimal) -> Option<Decimal>;
    fn try_mul(self, other: Decimal) -> Option<Decimal>;
    fn try_div(self, other: Decimal) -> Option<Decimal>;
}

impl DecimalOps for Decimal {
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn try_add(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn try_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn try_mul(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn try_div(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_results_as_rust_decimal_overflow_included() {
        let (a, b) = (Decimal::new(86_479_119, 9), Decimal::new(-25, 1));
        assert_eq!(a.try_add(b), a.checked_add(b));
        assert_eq!(a.try_sub(b), a.checked_sub(b));
        assert_eq!(a.try_mul(b), a.checked_mul(b));
        assert_eq!(a.try_div(b), a.checked_div(b));
        assert_eq!(Decimal::MAX.try_add(Decimal::ONE), None);
        assert_eq!(Decimal::MAX.try_mul(Decimal::TWO), None);
        assert_eq!(a.try_div(Decimal::ZERO), None);
    }
}
