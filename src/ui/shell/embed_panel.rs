//! "Embed this calculator": the iframe and script-tag snippets for the current view, to copy
//! into a blog post.

use crate::calc::app_params::EMBED;
use crate::calc::query::to_query;
use crate::ui::shell::embed::HEIGHT_MESSAGE;
use crate::ui::shell::params::Params;
use crate::ui::widgets::disclosure::Disclosure;
use leptos::prelude::*;

/// The parameters worth carrying into an embed: everything but `embed` itself.
fn carried(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| k != EMBED.key)
        .cloned()
        .collect()
}

/// The directory the app is served from, for the widget script's address.
fn directory(base: &str) -> &str {
    match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    }
}

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An iframe showing only the calculator, plus the three lines that let the host size it.
pub fn iframe_snippet(base: &str, pairs: &[(String, String)]) -> String {
    let mut pairs = carried(pairs);
    pairs.push((EMBED.key.into(), "1".into()));
    let src = escape_attr(&format!("{base}{}", to_query(&pairs)));
    format!(
        "<iframe src=\"{src}\" title=\"dtao-calc calculator\" style=\"width:100%;height:700px;border:0\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", (e) => {{ if (e.data && e.data.type === \"{HEIGHT_MESSAGE}\")\n\
         for (const f of document.querySelectorAll(\"iframe\")) if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\"; }});\n\
         </script>"
    )
}

/// A script tag that mounts the calculator where it stands; every parameter is a `data-`
/// attribute with underscores written as dashes.
pub fn widget_snippet(base: &str, pairs: &[(String, String)]) -> String {
    let attributes: String = carried(pairs)
        .iter()
        .map(|(k, v)| format!(" data-{}=\"{}\"", k.replace('_', "-"), escape_attr(v)))
        .collect();
    format!(
        "<script src=\"{}dtao-calc-widget.js\"{attributes}></script>",
        escape_attr(directory(base))
    )
}

#[component]
pub fn EmbedPanel(params: Params, base: String) -> impl IntoView {
    let base = StoredValue::new(base);
    let iframe =
        Signal::derive(move || params.with_pairs(|p| iframe_snippet(&base.get_value(), p)));
    let widget =
        Signal::derive(move || params.with_pairs(|p| widget_snippet(&base.get_value(), p)));
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |which: &'static str, text: String| {
        crate::ui::widgets::clipboard::copy(&text, move |done| {
            copied.set(Some(if done { which } else { "failed" }));
        });
    };
    // One labelled snippet with its copy button; `which` names it in the button and the message.
    let snippet = move |id: &'static str,
                        label: &'static str,
                        rows: u32,
                        which: &'static str,
                        text: Signal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea id=id readonly rows=rows prop:value=text></textarea>
                <button type="button" class="button secondary" on:click=move |_| copy(which, text.get_untracked())>
                    {format!("Copy the {which} snippet")}
                </button>
            </div>
        }
    };
    view! {
        <Disclosure class="panel embed-panel" testid="embed-panel" summary="Embed this calculator">
            <p class="hint">
                "Put the current view in a blog post. The iframe works on any page; the three lines of script let the page size it (hosts with a strict Content-Security-Policy can leave them out and keep a fixed height). The script tag mounts the calculator in place, isolated from the page's styles."
            </p>
            {snippet("embed-iframe", "As an iframe", 6, "iframe", iframe)}
            {snippet("embed-widget", "As a script tag", 3, "script", widget)}
            <p class="msg ok-msg" role="status" aria-live="polite">
                {move || copied.get().map(|w| match w {
                    "failed" => "The browser did not allow copying; select the text and copy it.".to_string(),
                    w => format!("Copied the {w} snippet."),
                })}
            </p>
        </Disclosure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn snippets_carry_the_view() {
        let p = pairs(&[
            ("calc", "pool"),
            ("netuid", "64"),
            ("tao_in", "10"),
            ("embed", "1"),
        ]);
        let iframe = iframe_snippet("https://example.org/calc/", &p);
        assert!(iframe.starts_with(
            "<iframe src=\"https://example.org/calc/?calc=pool&amp;netuid=64&amp;tao_in=10&amp;embed=1\""
        ));
        assert_eq!(iframe.matches("embed=1").count(), 1);
        assert!(iframe.contains("dtao-calc:height"));
        assert_eq!(iframe.lines().count(), 5);
        let widget = widget_snippet("https://example.org/calc/index.html", &p);
        assert_eq!(
            widget,
            "<script src=\"https://example.org/calc/dtao-calc-widget.js\" data-calc=\"pool\" data-netuid=\"64\" data-tao-in=\"10\"></script>"
        );
        let quoted = widget_snippet("https://x/", &pairs(&[("names", "A\"B<c>")]));
        assert!(quoted.contains("data-names=\"A&quot;B&lt;c&gt;\""));
    }
}
