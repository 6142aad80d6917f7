//! One input as the page holds it: the text shown in the box and what it means, or the
//! sentence that goes next to it. Pure, so the reading of every parameter is tested natively.

use crate::calc::typed::InputError;

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

    /// One of a few named values (`options`: parameter text and value); absent means the
    /// first. `what` names the field in the message: "Unknown exit pool “x”: use entry or before."
    pub fn choice(raw: Option<&str>, what: &str, options: &[(&str, T)]) -> Self {
        let Some(raw) = raw else {
            let (text, value) = &options[0];
            return Field::new(*text, Ok(value.clone()));
        };
        let found = options.iter().find(|(text, _)| *text == raw.trim());
        let value = match found {
            Some((_, value)) => Ok(value.clone()),
            None => {
                let names: Vec<&str> = options.iter().map(|(text, _)| *text).collect();
                Err(format!(
                    "Unknown {what} “{}”: use {}.",
                    crate::model::words::shorten(raw.trim()),
                    names.join(" or ")
                ))
            }
        };
        Field::new(raw, value)
    }

    /// What the page shows of it: the text and the message.
    pub fn shown(&self) -> FieldText {
        FieldText {
            text: self.text.clone(),
            error: self.error(),
        }
    }

    pub fn error(&self) -> Option<String> {
        self.value.as_ref().err().cloned()
    }

    pub fn ok(&self) -> Option<T> {
        self.value.as_ref().ok().cloned()
    }
}

/// A field as its input shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldText {
    pub text: String,
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_reads_its_names_and_says_the_others() {
        let options = [("entry", 1), ("before", 2)];
        assert_eq!(Field::choice(None, "exit pool", &options).ok(), Some(1));
        assert_eq!(
            Field::choice(Some(" before "), "exit pool", &options).ok(),
            Some(2)
        );
        let bad = Field::choice(Some("<b>later</b>"), "exit pool", &options);
        assert_eq!(bad.text, "<b>later</b>");
        assert_eq!(
            bad.error().unwrap(),
            "Unknown exit pool “<b>later</b>”: use entry or before."
        );
    }
}
