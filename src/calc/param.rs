//! A URL parameter declared once: its key, the label of its input, its default, its unit, one
//! line on what it means and how its text is read. The forms read their fields from these
//! tables, the pages draw their inputs from them, and the parameter tables of `docs/` are
//! generated from them (`tools/docs`), so a key is spelled in one place.

use crate::calc::field::Field;
use crate::calc::typed::{parse_flag, InputError};

/// What an absent parameter means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Default {
    /// This text.
    Text(&'static str),
    /// Nothing: the parameter is optional, and a blank box removes it.
    Blank,
    /// A figure of the chosen subnet, described for the docs; the form passes it to `read_or`.
    Data(&'static str),
}

impl Default {
    /// The default's text: the text of `Text`, else empty.
    pub const fn text(self) -> &'static str {
        match self {
            Default::Text(text) => text,
            Default::Blank | Default::Data(_) => "",
        }
    }
}

/// One parameter whose text is read by `parse`.
pub struct Param<T: 'static> {
    pub key: &'static str,
    pub label: &'static str,
    pub default: Default,
    pub unit: &'static str,
    /// What it means, for the docs (and the input's hint where the page shows one).
    pub about: &'static str,
    pub parse: fn(&str) -> Result<T, InputError>,
}

impl<T: Clone> Param<T> {
    /// The field from the parameter's text (`raw`), or from its default.
    pub fn read_raw(&self, raw: Option<&str>) -> Field<T> {
        Field::read(raw, self.default.text(), self.parse)
    }

    /// The field from the query.
    pub fn read(&self, get: &impl Fn(&str) -> Option<String>) -> Field<T> {
        self.read_raw(get(self.key).as_deref())
    }

    /// The field from the query, with a default that depends on the data (a subnet's figure).
    pub fn read_or(&self, get: &impl Fn(&str) -> Option<String>, default: &str) -> Field<T> {
        Field::read(get(self.key).as_deref(), default, self.parse)
    }

    /// An optional field from the query: absent or blank means none.
    pub fn read_optional(&self, get: &impl Fn(&str) -> Option<String>) -> Field<Option<T>> {
        self.read_optional_raw(get(self.key).as_deref())
    }

    pub fn read_optional_raw(&self, raw: Option<&str>) -> Field<Option<T>> {
        Field::optional(raw, self.parse)
    }

    pub const fn spec(&self) -> Spec {
        Spec {
            key: self.key,
            label: self.label,
            unit: self.unit,
            optional: matches!(self.default, Default::Blank),
        }
    }

    pub fn doc(&self) -> Doc {
        Doc {
            key: self.key,
            label: self.label,
            default: match self.default {
                Default::Text(text) => text.to_string(),
                Default::Blank => "empty".to_string(),
                Default::Data(what) => what.to_string(),
            },
            unit: self.unit,
            about: self.about,
        }
    }
}

/// An on/off parameter: `1` or `0`.
pub const fn flag(
    key: &'static str,
    label: &'static str,
    default: &'static str,
    about: &'static str,
) -> Param<bool> {
    Param {
        key,
        label,
        default: Default::Text(default),
        unit: "0 or 1",
        about,
        parse: parse_flag,
    }
}

/// One of a few named values; the first option is the default.
pub struct Choice<T: 'static> {
    pub key: &'static str,
    pub label: &'static str,
    /// Names the field in its message: "Unknown exit pool “x”: use entry or before."
    pub what: &'static str,
    /// The parameter's text, the value, and the words beside its button.
    pub options: &'static [(&'static str, T, &'static str)],
    pub about: &'static str,
}

impl<T: Clone> Choice<T> {
    pub fn read(&self, get: &impl Fn(&str) -> Option<String>) -> Field<T> {
        let options: Vec<(&str, T)> = self
            .options
            .iter()
            .map(|(text, value, _)| (*text, value.clone()))
            .collect();
        Field::choice(get(self.key).as_deref(), self.what, &options)
    }

    /// As `read`, with the option `first` as the default (a subnet's own curve).
    pub fn read_first(&self, get: &impl Fn(&str) -> Option<String>, first: usize) -> Field<T> {
        let mut options: Vec<(&str, T)> = self
            .options
            .iter()
            .map(|(text, value, _)| (*text, value.clone()))
            .collect();
        if first < options.len() {
            let chosen = options.remove(first);
            options.insert(0, chosen);
        }
        Field::choice(get(self.key).as_deref(), self.what, &options)
    }

    pub const fn spec(&self) -> Spec {
        Spec {
            key: self.key,
            label: self.label,
            unit: "",
            optional: false,
        }
    }

    /// The buttons: parameter text and words.
    pub fn buttons(&self) -> Vec<(&'static str, &'static str)> {
        self.options
            .iter()
            .map(|(text, _, words)| (*text, *words))
            .collect()
    }

    pub fn doc(&self) -> Doc {
        let names: Vec<&str> = self.options.iter().map(|o| o.0).collect();
        Doc {
            key: self.key,
            label: self.label,
            default: format!(
                "{} (of {})",
                names.first().unwrap_or(&""),
                names.join(" | ")
            ),
            unit: "",
            about: self.about,
        }
    }
}

/// What an input needs to draw itself and write its parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    /// A blank box removes the parameter.
    pub optional: bool,
}

/// One row of a parameter table in the docs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub key: &'static str,
    pub label: &'static str,
    pub default: String,
    pub unit: &'static str,
    pub about: &'static str,
}

/// A parameter whose reading is more than a parse (a subnet in the data, a list of rows): its
/// key and words, read by the form's own code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Described {
    pub key: &'static str,
    pub label: &'static str,
    pub default: &'static str,
    pub unit: &'static str,
    pub about: &'static str,
}

impl Described {
    pub fn doc(&self) -> Doc {
        Doc {
            key: self.key,
            label: self.label,
            default: self.default.to_string(),
            unit: self.unit,
            about: self.about,
        }
    }

    pub const fn spec(&self) -> Spec {
        Spec {
            key: self.key,
            label: self.label,
            unit: self.unit,
            optional: true,
        }
    }
}

/// The Markdown table of `docs`, as the docs pages hold it.
pub fn markdown_table(docs: &[Doc]) -> String {
    let mut out = String::from(
        "| key | input | default | unit | meaning |\n| --- | --- | --- | --- | --- |\n",
    );
    for d in docs {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            d.key,
            cell(d.label),
            cell(&d.default),
            cell(d.unit),
            cell(d.about),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const AMOUNT: Param<u64> = Param {
        key: "amount",
        label: "Amount",
        default: Default::Text("10"),
        unit: "TAO",
        about: "How much.",
        parse: |t| crate::calc::typed::parse_whole(t, 1, 100),
    };
    const SIDE: Choice<u8> = Choice {
        key: "side",
        label: "Direction",
        what: "side",
        options: &[("stake", 1, "Stake"), ("unstake", 2, "Unstake")],
        about: "Which way.",
    };

    #[test]
    fn a_param_reads_its_key_its_default_and_blank_when_optional() {
        let get = |k: &str| (k == "amount").then(|| "7".to_string());
        assert_eq!(AMOUNT.read(&get).ok(), Some(7));
        assert_eq!(AMOUNT.read(&|_: &str| None).ok(), Some(10));
        assert_eq!(
            AMOUNT.read_optional(&|_: &str| Some(" ".into())).ok(),
            Some(None)
        );
        assert_eq!(
            AMOUNT.read(&|_: &str| Some("500".into())).error().unwrap(),
            "Too large: at most 100."
        );
        assert!(!AMOUNT.spec().optional);
    }

    #[test]
    fn tables_render_every_parameter() {
        let table = markdown_table(&[AMOUNT.doc(), SIDE.doc()]);
        assert!(table.contains("| `amount` | Amount | 10 | TAO | How much. |"));
        assert!(
            table.contains("| `side` | Direction | stake (of stake \\| unstake) |  | Which way. |")
        );
        assert_eq!(SIDE.read(&|_: &str| Some("unstake".into())).ok(), Some(2));
    }
}
