//! A figure a row cannot have: a dash, why in its tooltip (and in the row's refusal).

use crate::calc::markup::Markup;

pub fn dash(m: &mut Markup, why: &str) {
    m.element("td", &[("class", Some("muted")), ("title", Some(why))], "—");
}
