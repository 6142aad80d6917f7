//! How messages quote what a person typed, and how a number's digits are grouped: shared by
//! the data readers and the pages.

/// Long pasted values are cut in messages so the page stays readable.
pub fn shorten(raw: &str) -> String {
    shorten_to(raw, 24)
}

/// `raw` cut to `max` characters, with an ellipsis when cut.
pub fn shorten_to(raw: &str, max: usize) -> String {
    if raw.chars().count() <= max {
        raw.to_string()
    } else {
        let head: String = raw.chars().take(max).collect();
        format!("{head}…")
    }
}

/// `1234567.5` -> `1,234,567.5`.
pub fn group_thousands(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, frac) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_and_long_text_cut() {
        assert_eq!(group_thousands("-1234567.891"), "-1,234,567.891");
        assert_eq!(group_thousands("123"), "123");
        assert_eq!(shorten("short"), "short");
        assert_eq!(shorten(&"x".repeat(30)), format!("{}…", "x".repeat(24)));
    }
}
