//! The URL query, which holds every input of the page: reading it, changing one key, writing it.

/// Key/value pairs of a query string (`?a=1&b=x`), decoded. A repeated key keeps its first value.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let raw = search.strip_prefix('?').unwrap_or(search);
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
        if key.is_empty() || pairs.iter().any(|(k, _)| *k == key) {
            continue;
        }
        pairs.push((key.into_owned(), value.into_owned()));
    }
    pairs
}

/// The query string for `pairs`, with the leading `?`, or empty when there are none.
pub fn to_query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        serializer.append_pair(key, value);
    }
    format!("?{}", serializer.finish())
}

/// Set `key` to `value` (or remove it with `None`), keeping the order of the other keys.
pub fn set_pair(pairs: &mut Vec<(String, String)>, key: &str, value: Option<String>) {
    match (pairs.iter().position(|(k, _)| k == key), value) {
        (Some(i), Some(v)) => pairs[i].1 = v,
        (Some(i), None) => {
            pairs.remove(i);
        }
        (None, Some(v)) => pairs.push((key.to_string(), v)),
        (None, None) => {}
    }
}

/// A parameter getter over literal pairs, as the forms read them (the tests' queries).
pub fn getter<'a>(pairs: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.to_string())
    }
}

pub fn get_pair<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let pairs = parse_query("?calc=pool&netuid=64&amount=1.5&name=a%20b%26c&amount=9");
        assert_eq!(get_pair(&pairs, "amount"), Some("1.5"));
        assert_eq!(get_pair(&pairs, "name"), Some("a b&c"));
        assert_eq!(pairs.len(), 4);
        let q = to_query(&pairs);
        assert_eq!(parse_query(&q), pairs);
        let mut pairs = pairs;
        set_pair(&mut pairs, "netuid", None);
        set_pair(&mut pairs, "side", Some("unstake".into()));
        set_pair(&mut pairs, "amount", Some("2".into()));
        assert_eq!(
            to_query(&pairs),
            "?calc=pool&amount=2&name=a+b%26c&side=unstake"
        );
        assert_eq!(to_query(&[]), "");
        assert!(parse_query("").is_empty());
        assert!(parse_query("?=x&&").is_empty());
    }
}
