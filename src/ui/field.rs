//! One input as the page holds it: the text shown in the box and what it means, or the
//! sentence that goes next to it. Pure, so the reading of every parameter is tested natively.

use crate::model::input::InputError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T> {
    /// What the input box shows: the URL parameter as given, or the default.
    pub text: String,
    pub value: Result<T, String>,
}

impl<T: Clone> Field<T> {
    pub fn new(text: impl Into<String>, value: Result<T, String>) -> Self {
        Field {
            text: text.into(),
            value,
        }
    }

    /// Read `raw` (the parameter, if present) or fall back to `default` text.
    pub fn read(
        raw: Option<&str>,
        default: &str,
        parse: impl FnOnce(&str) -> Result<T, InputError>,
    ) -> Self {
        let text = raw.unwrap_or(default);
        Field::new(text, parse(text).map_err(|e| e.to_string()))
    }

    /// An optional field: absent or blank means `None`, anything else must read.
    pub fn optional(
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, InputError>,
    ) -> Field<Option<T>> {
        match raw {
            None => Field::new("", Ok(None)),
            Some(raw) if raw.trim().is_empty() => Field::new(raw, Ok(None)),
            Some(raw) => Field::new(raw, parse(raw).map(Some).map_err(|e| e.to_string())),
        }
    }

    pub fn error(&self) -> Option<String> {
        self.value.as_ref().err().cloned()
    }

    pub fn ok(&self) -> Option<T> {
        self.value.as_ref().ok().cloned()
    }
}
