//! The URL query as the page's state. Every input reads its parameter from here and writes its
//! changes back; the address bar follows with `history.replaceState` (no new history entry), so
//! any view can be shared or embedded by its URL. Switching calculator is a new history entry
//! (`navigate`), so Back returns to the one before; the state follows Back and Forward.

use crate::calc::query::{get_pair, parse_query, set_pair, to_query};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy)]
pub struct Params {
    pairs: RwSignal<Vec<(String, String)>>,
    /// Whether changes go to the address bar (not for an embedded widget on someone's page).
    write_url: bool,
}

impl Params {
    /// The parameters of the page's own URL.
    pub fn from_location() -> Self {
        let search = window().location().search().unwrap_or_default();
        let params = Params {
            pairs: RwSignal::new(parse_query(&search)),
            write_url: true,
        };
        // Back and Forward bring another entry's query: the page follows it.
        let pairs = params.pairs;
        let on_pop = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let search = window().location().search().unwrap_or_default();
            pairs.set(parse_query(&search));
        });
        let _ =
            window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        // As long as the page.
        on_pop.forget();
        params
    }

    /// Parameters given some other way (e.g. a widget's attributes), kept off the address bar.
    pub fn detached(pairs: Vec<(String, String)>) -> Self {
        Params {
            pairs: RwSignal::new(pairs),
            write_url: false,
        }
    }

    /// A parameter's value, tracked.
    pub fn get(&self, key: &str) -> Option<String> {
        self.pairs.with(|p| get_pair(p, key).map(str::to_string))
    }

    /// A parameter's value, without tracking.
    pub fn get_untracked(&self, key: &str) -> Option<String> {
        self.pairs
            .with_untracked(|p| get_pair(p, key).map(str::to_string))
    }

    /// Set or remove (`None`) one parameter.
    pub fn set(&self, key: &str, value: Option<String>) {
        self.set_many(&[(key, value)]);
    }

    /// An edit on one calculator's page: `changes`, with `calc` naming that calculator, so the
    /// URL copied from here opens this view whatever the default calculator is.
    pub fn edit(&self, calc: &str, changes: &[(&str, Option<String>)]) {
        let mut all = Vec::with_capacity(changes.len() + 1);
        all.push((crate::calc::app_params::CALC.key, Some(calc.to_string())));
        all.extend_from_slice(changes);
        self.set_many(&all);
    }

    /// Several changes as one update, so the page recomputes once.
    pub fn set_many(&self, changes: &[(&str, Option<String>)]) {
        self.pairs.update(|pairs| {
            for (key, value) in changes {
                set_pair(pairs, key, value.clone());
            }
        });
        self.write_url();
    }

    /// Several changes as a new history entry: Back returns to the view before them.
    pub fn navigate(&self, changes: &[(&str, Option<String>)]) {
        self.pairs.update(|pairs| {
            for (key, value) in changes {
                set_pair(pairs, key, value.clone());
            }
        });
        self.write_url_as(true);
    }

    /// Read all pairs, tracked.
    pub fn with_pairs<R>(&self, f: impl FnOnce(&[(String, String)]) -> R) -> R {
        self.pairs.with(|p| f(p))
    }

    fn write_url(&self) {
        self.write_url_as(false);
    }

    fn write_url_as(&self, new_entry: bool) {
        if !self.write_url {
            return;
        }
        let window = window();
        let location = window.location();
        let url = format!(
            "{}{}{}",
            location.pathname().unwrap_or_default(),
            self.pairs.with_untracked(|p| to_query(p)),
            location.hash().unwrap_or_default()
        );
        // Some hosts (a sandboxed frame, an unusual file:// origin) refuse; the page still works.
        if let Ok(history) = window.history() {
            let _ = if new_entry {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
    }
}

/// A typed value for an optional parameter: a blank field removes the parameter.
pub fn unless_blank(value: String) -> Option<String> {
    if value.trim().is_empty() {
        None
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::unless_blank;

    #[test]
    fn a_blank_optional_field_removes_its_parameter() {
        assert_eq!(unless_blank(String::new()), None);
        assert_eq!(unless_blank("  ".to_string()), None);
        assert_eq!(unless_blank("0.5".to_string()), Some("0.5".to_string()));
    }
}
