//! Markup written as text, for the large read-only parts a page redraws whole (the screener's
//! 129 rows, the charts' points and grid): the browser parses one string into its elements
//! faster than the app builds them one by one, and one writer is less code than a view per
//! cell (issue 18). Every text and attribute value is escaped here; tag and attribute names
//! are the app's own words, never data.

/// A fragment of HTML (or SVG) being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Markup(String::new())
    }

    /// `<tag a="v" …>`, each value escaped; an attribute whose value is `None` is left out.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if let Some(value) = value {
                self.0.push(' ');
                self.0.push_str(name);
                self.0.push_str("=\"");
                escape_into(value, &mut self.0);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(text, &mut self.0);
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// An element without content or end tag (`<br>`), or a closed SVG one (`<circle …/>`).
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Self {
        self.open(tag, attrs);
        if !matches!(tag, "br" | "hr" | "img" | "input" | "wbr") {
            self.0.pop();
            self.0.push_str("/>");
        }
        self
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// `text` with `& < > " '` as character references, so it can stand in text or in a quoted
/// attribute value and never ends either.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped_and_absent_attributes_left_out() {
        let mut m = Markup::new();
        m.open("td", &[("data-testid", Some("x-1")), ("title", None)])
            .text("<script>alert('&')</script>")
            .close("td");
        m.element("a", &[("href", Some("?a=1&b=\"2\""))], "Pool");
        m.empty("br", &[]).empty("circle", &[("r", Some("4"))]);
        assert_eq!(
            m.into_string(),
            "<td data-testid=\"x-1\">&lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;</td>\
             <a href=\"?a=1&amp;b=&quot;2&quot;\">Pool</a><br><circle r=\"4\"/>"
        );
    }
}
