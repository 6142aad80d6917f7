//! Tables as CSV for "Download CSV" (RFC 4180: comma separated, CRLF line ends, a field
//! quoted when it holds a comma, a quote or a line break, its quotes doubled). The first line
//! is a comment with the page's address, so a downloaded table says which inputs made it;
//! spreadsheets show it as a first row, and CSV readers that know comments skip it. Figures
//! go in plain decimal (the cells' `data-value`), never grouped or rounded.

/// The CSV text of `header` and `rows` under a `# <url>` comment line.
pub fn csv(url: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 2));
    out.push_str("# ");
    // A line break in the address would end the comment early.
    out.extend(
        url.chars()
            .map(|c| if c == '\r' || c == '\n' { ' ' } else { c }),
    );
    out.push_str("\r\n");
    line(&mut out, header.iter().copied());
    for row in rows {
        line(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field_into(out, field);
    }
    out.push_str("\r\n");
}

fn field_into(out: &mut String, field: &str) {
    // A leading = + - @ makes spreadsheets run the cell as a formula: names from a file or a
    // chain (validator names) are quoted with a leading apostrophe, as OWASP advises. Numbers
    // (a minus sign then digits) stay numbers.
    let numeric = field
        .strip_prefix('-')
        .unwrap_or(field)
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.');
    let formula = !numeric && field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || field.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A file name for a table: `dtao-<what>-<date or "now">.csv`, only letters, digits and dashes.
pub fn file_name(what: &str, date: Option<&str>) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect()
    };
    format!("dtao-{}-{}.csv", clean(what), clean(date.unwrap_or("now")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let text = csv(
            "https://x/?calc=take&amount=5",
            &["a", "b,c"],
            &[
                vec!["1.5".into(), "say \"hi\"".into()],
                vec!["-2".into(), "line\nbreak".into()],
                vec!["=SUM(A1)".into(), "-x".into()],
            ],
        );
        assert_eq!(
            text,
            "# https://x/?calc=take&amount=5\r\na,\"b,c\"\r\n1.5,\"say \"\"hi\"\"\"\r\n-2,\"line\nbreak\"\r\n\"'=SUM(A1)\",\"'-x\"\r\n"
        );
    }

    #[test]
    fn the_comment_stays_one_line_and_names_are_safe() {
        assert!(csv("a\nb", &["x"], &[]).starts_with("# a b\r\n"));
        assert_eq!(
            file_name("positions", Some("2026-12-07")),
            "dtao-positions-2026-12-07.csv"
        );
        assert_eq!(file_name("a/b", None), "dtao-a-b-now.csv");
    }
}
