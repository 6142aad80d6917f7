//! Root's row in the screener: beside the returns calculator's reading (root's dividends valued
//! at spot, as if paid in TAO), what the chain pays since August: the basket a claim at the end
//! of the holding period would sell (`calc::returns::root_basket`, the returns page's section).

use super::form::ScreenForm;
use crate::calc::format::{self, Style};
use crate::calc::markup::Markup;
use crate::calc::returns::figures::signed_tokens;
use crate::calc::returns::form::ReturnsForm;
use crate::calc::returns::root_basket::basket_figures;
use crate::snapshot::Snapshot;
use rust_decimal::Decimal;

/// The basket claimed at the end: what it adds to the root stake, TAO, and its APY in TAO at
/// constant prices, %; or why there is none.
pub type Basket = Result<(Decimal, Decimal), String>;

/// Root's basket at the screener's position (the returns page's, with every other input at
/// its default).
pub fn basket(form: &ScreenForm, snapshot: &Snapshot) -> Basket {
    let returns = ReturnsForm::for_subnet(&form.position(), 0, snapshot);
    basket_figures(&returns, snapshot).map(|f| (f.end.net_tao, f.apy_pct))
}

/// The line under root's yield.
pub fn basket_line(m: &mut Markup, basket: &Basket, style: Style) {
    m.empty("br", &[]);
    match basket {
        Ok((net, apy)) => {
            let title = format!(
                "Root pays its dividends as alpha into a basket: claimed after the holding period it adds this much to the root stake, {} a year in TAO at constant prices.",
                format::pct(*apy, style)
            );
            m.element(
                "span",
                &[
                    ("class", Some("sub")),
                    ("data-testid", Some("screen-root-basket-0")),
                    ("data-value", Some(&format::plain(*net))),
                    ("title", Some(&title)),
                ],
                &format!("basket if claimed: {} TAO", signed_tokens(*net, style)),
            );
        }
        Err(why) => {
            m.element(
                "span",
                &[("class", Some("sub")), ("title", Some(why))],
                "basket: —",
            );
        }
    }
}
