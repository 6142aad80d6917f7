//! Thousands separators in typed numbers: prefilled boxes show grouped digits
//! ("221,156.585"), so a comma between groups of three reads back; any other comma, space or
//! mark is ambiguous ("1,5" is one and a half in much of the world) and refused.

/// `mantissa` without its thousands commas, when they group the whole part by threes; `None`
/// for any other separator.
pub fn ungroup(mantissa: &str) -> Option<String> {
    if mantissa.contains([' ', '_', '\'']) {
        return None;
    }
    if !mantissa.contains(',') {
        return Some(mantissa.to_string());
    }
    let (whole, frac) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    if frac.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let well_grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
    if !well_grouped {
        return None;
    }
    let digits = whole.replace(',', "");
    Some(match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    })
}

#[cfg(test)]
mod tests {
    use super::ungroup;

    #[test]
    fn commas_between_groups_of_three_only() {
        assert_eq!(ungroup("1,234,567.5").as_deref(), Some("1234567.5"));
        assert_eq!(ungroup("123").as_deref(), Some("123"));
        for bad in ["1,5", ",100", "1,0000", "1 000", "1.000,5", "1000,000"] {
            assert_eq!(ungroup(bad), None, "{bad}");
        }
    }
}
