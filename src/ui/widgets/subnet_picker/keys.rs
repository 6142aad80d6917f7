//! Where a key moves the picker's highlight in a list of `len` rows (the ARIA listbox keys):
//! arrows one row, Page keys eight, Ctrl+Home and Ctrl+End to the ends; `None` for any other.

/// The row highlighted after `key` (with Ctrl held or not) from row `now`.
pub fn moved(key: &str, ctrl: bool, now: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    let now = now.min(last);
    match key {
        "ArrowDown" => Some((now + 1).min(last)),
        "ArrowUp" => Some(now.saturating_sub(1)),
        "Home" if ctrl => Some(0),
        "End" if ctrl => Some(last),
        "PageDown" => Some((now + 8).min(last)),
        "PageUp" => Some(now.saturating_sub(8)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn keys_move_within_the_list() {
        assert_eq!(moved("ArrowDown", false, 0, 3), Some(1));
        assert_eq!(moved("ArrowDown", false, 2, 3), Some(2));
        assert_eq!(moved("ArrowUp", false, 0, 3), Some(0));
        assert_eq!(moved("PageDown", false, 1, 20), Some(9));
        assert_eq!(moved("PageDown", false, 15, 20), Some(19));
        assert_eq!(moved("PageUp", false, 5, 20), Some(0));
        assert_eq!(moved("End", true, 0, 20), Some(19));
        assert_eq!(moved("Home", true, 7, 20), Some(0));
        // Home and End without Ctrl move the caret in the box, not the highlight.
        assert_eq!(moved("Home", false, 7, 20), None);
        assert_eq!(moved("a", false, 0, 3), None);
        assert_eq!(moved("ArrowDown", false, 0, 0), None);
    }
}
