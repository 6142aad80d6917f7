//! Finding what the app needs in a decoded value by name, whatever wraps it: an `Option`'s
//! `Some`, a newtype (`NetUid(u16)`, `AlphaBalance(u64)`, `PerU16`), a compact. A field that
//! is gone, `None` where a value is needed, or a value that is not the number the app wants,
//! gives a sentence naming the field.

use super::value::{Field, Value};

impl Value {
    /// The value inside `Some(…)` and single-field wrappers; `None` for `Option::None`.
    pub fn inner(&self) -> Option<&Value> {
        let mut v = self;
        loop {
            match v {
                Value::Variant { name, fields } if name == "Some" && fields.len() == 1 => {
                    v = &fields[0].value
                }
                Value::Variant { name, fields } if name == "None" && fields.is_empty() => {
                    return None
                }
                Value::Struct(fields) if fields.len() == 1 => v = &fields[0].value,
                _ => return Some(v),
            }
        }
    }

    /// The struct's fields, through any wrapper.
    fn fields(&self) -> Option<&[Field]> {
        let mut v = self;
        loop {
            match v {
                Value::Variant { name, fields } if name == "Some" && fields.len() == 1 => {
                    v = &fields[0].value
                }
                Value::Struct(fields) => {
                    if let [only] = fields.as_slice() {
                        // A wrapper around one struct: look through it, unless this field is
                        // the one named.
                        if only.name.is_none() {
                            v = &only.value;
                            continue;
                        }
                    }
                    return Some(fields);
                }
                _ => return None,
            }
        }
    }

    /// The field called `name`, as sent (still wrapped).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields()?
            .iter()
            .find(|f| f.name.as_deref() == Some(name))
            .map(|f| &f.value)
    }

    /// Whether the value is `Option::None`.
    pub fn is_none(&self) -> bool {
        self.inner().is_none()
    }

    /// An unsigned integer through any wrapper.
    pub fn uint(&self) -> Option<u128> {
        match self.inner()? {
            Value::Uint(n) => Some(*n),
            Value::Int(n) => u128::try_from(*n).ok(),
            _ => None,
        }
    }

    /// A signed integer through any wrapper.
    pub fn int(&self) -> Option<i128> {
        match self.inner()? {
            Value::Int(n) => Some(*n),
            Value::Uint(n) => i128::try_from(*n).ok(),
            _ => None,
        }
    }

    pub fn bool(&self) -> Option<bool> {
        match self.inner()? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Bytes (`Vec<u8>`, `[u8; N]`, `AccountId32`), or a list of compact bytes as the runtime
    /// sends names (`Vec<Compact<u8>>`).
    pub fn bytes(&self) -> Option<Vec<u8>> {
        match self.inner()? {
            Value::Bytes(b) => Some(b.clone()),
            Value::Str(s) => Some(s.as_bytes().to_vec()),
            Value::List(items) => items
                .iter()
                .map(|i| i.uint().and_then(|n| u8::try_from(n).ok()))
                .collect(),
            _ => None,
        }
    }

    /// A sequence's items.
    pub fn items(&self) -> Option<&[Value]> {
        match self.inner()? {
            Value::List(items) => Some(items),
            Value::Bytes(b) if b.is_empty() => Some(&[]),
            _ => None,
        }
    }

    /// What kind of value it is, for a sentence.
    pub fn kind(&self) -> &'static str {
        match self.inner() {
            None => "empty (None)",
            Some(Value::Bool(_)) => "a yes/no",
            Some(Value::Uint(_) | Value::Int(_) | Value::Wide(_)) => "a number",
            Some(Value::Char(_) | Value::Str(_)) => "text",
            Some(Value::Bytes(_)) => "bytes",
            Some(Value::List(_)) => "a list",
            Some(Value::Struct(_)) => "a struct",
            Some(Value::Variant { .. }) => "an enum",
            Some(Value::Bits(_)) => "bits",
        }
    }
}

/// A value read under a name (`DynamicInfo`, `subnet 64's metagraph`), whose fields are asked
/// for by name, each failure a sentence naming the field.
#[derive(Clone, Copy)]
pub struct Named<'a> {
    pub what: &'a str,
    pub value: &'a Value,
}

impl<'a> Named<'a> {
    pub fn new(what: &'a str, value: &'a Value) -> Self {
        Named { what, value }
    }

    /// The field `name`; gone or `None` is an error naming it.
    pub fn field(&self, name: &str) -> Result<&'a Value, String> {
        let value = self
            .value
            .get(name)
            .ok_or_else(|| format!("{} has no field {name}", self.what))?;
        if value.is_none() {
            return Err(format!("{}'s {name} is empty", self.what));
        }
        Ok(value)
    }

    /// The field `name` when present and not `None`.
    pub fn optional(&self, name: &str) -> Option<&'a Value> {
        self.value.get(name).filter(|v| !v.is_none())
    }

    /// The field `name` as an unsigned number that fits `T`.
    pub fn number<T: TryFrom<u128>>(&self, name: &str) -> Result<T, String> {
        let value = self.field(name)?;
        number(value, || format!("{}'s {name}", self.what))
    }

    pub fn bytes(&self, name: &str) -> Result<Vec<u8>, String> {
        let value = self.field(name)?;
        value
            .bytes()
            .ok_or_else(|| format!("{}'s {name} is {}, not bytes", self.what, value.kind()))
    }

    pub fn list(&self, name: &str) -> Result<&'a [Value], String> {
        let value = self.field(name)?;
        value
            .items()
            .ok_or_else(|| format!("{}'s {name} is {}, not a list", self.what, value.kind()))
    }
}

/// `value` as an unsigned number that fits `T`; `what` names it in the sentence.
pub fn number<T: TryFrom<u128>>(value: &Value, what: impl Fn() -> String) -> Result<T, String> {
    let n = value
        .uint()
        .ok_or_else(|| format!("{} is {}, not a number", what(), value.kind()))?;
    T::try_from(n).map_err(|_| format!("{} is {n}, too large for its number", what()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, value: Value) -> Field {
        Field {
            name: Some(name.into()),
            value,
        }
    }

    fn some(value: Value) -> Value {
        Value::Variant {
            name: "Some".into(),
            fields: vec![Field { name: None, value }],
        }
    }

    #[test]
    fn fields_are_found_through_options_and_newtypes() {
        let netuid = Value::Struct(vec![Field {
            name: None,
            value: Value::Uint(64),
        }]);
        let info = Value::Struct(vec![
            named("netuid", netuid),
            named("tao_in", some(Value::Uint(7))),
            named(
                "moving_price",
                Value::Struct(vec![named("bits", Value::Int(-3))]),
            ),
            named(
                "gone",
                Value::Variant {
                    name: "None".into(),
                    fields: vec![],
                },
            ),
        ]);
        let wrapped = some(info.clone());
        for v in [&info, &wrapped] {
            let n = Named::new("DynamicInfo", v);
            assert_eq!(n.number::<u16>("netuid"), Ok(64));
            assert_eq!(n.number::<u64>("tao_in"), Ok(7));
            assert_eq!(n.field("moving_price").unwrap().int(), Some(-3));
            assert_eq!(
                n.number::<u64>("alpha_in").unwrap_err(),
                "DynamicInfo has no field alpha_in"
            );
            assert_eq!(n.field("gone").unwrap_err(), "DynamicInfo's gone is empty");
            assert!(n.optional("gone").is_none());
        }
        let big = Value::Struct(vec![named("netuid", Value::Uint(70_000))]);
        assert_eq!(
            Named::new("DynamicInfo", &big)
                .number::<u16>("netuid")
                .unwrap_err(),
            "DynamicInfo's netuid is 70000, too large for its number"
        );
        let text = Value::Struct(vec![named("netuid", Value::Str("x".into()))]);
        assert_eq!(
            Named::new("DynamicInfo", &text)
                .number::<u16>("netuid")
                .unwrap_err(),
            "DynamicInfo's netuid is text, not a number"
        );
    }

    #[test]
    fn names_read_from_compact_bytes_or_plain_bytes() {
        let compact = Value::List(vec![Value::Uint(0x41), Value::Uint(0x42)]);
        assert_eq!(compact.bytes(), Some(b"AB".to_vec()));
        assert_eq!(Value::Bytes(b"AB".to_vec()).bytes(), Some(b"AB".to_vec()));
        assert_eq!(Value::List(vec![Value::Uint(300)]).bytes(), None);
    }
}
