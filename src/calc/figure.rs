//! What a figure is, apart from how a page draws it: its text and full-precision value
//! (`Shown`), and a row of a calculator's table of figures (`FigureSpec`).

use super::format::Style;

/// A figure's text and its `data-value` (plain decimal, full precision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub value: String,
}

impl Shown {
    pub fn new(text: impl Into<String>, value: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            value: value.into(),
        }
    }
}

/// One figure of a page's table of figures: where it comes from in the page's result (`T`),
/// what it says when there is none, and what it means.
pub struct FigureSpec<T: 'static> {
    pub testid: &'static str,
    pub label: &'static str,
    pub headline: bool,
    /// The figure written in the page's display style (readable or exact).
    pub pick: fn(&T, Style) -> Option<Shown>,
    pub missing: fn(&T, Style) -> String,
    pub explain: &'static str,
}
