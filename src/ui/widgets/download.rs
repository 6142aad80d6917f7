//! Offering text as a file to save: the data panel's snapshot and every table's "Download
//! CSV" (`calc::csv`, with the page's address in its first line).

use crate::calc::csv::file_name;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offer `text` (of MIME type `mime`) as the download `filename`.
pub fn download(text: &str, mime: &str, filename: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The page's own address, for the CSV's first line.
pub fn page_address() -> String {
    window().location().href().unwrap_or_default()
}

/// A "Download CSV" button for one table: `table` names the file, `make` writes the CSV
/// (given the page's address) when pressed, not before.
#[component]
pub fn DownloadCsv(
    /// The table's name in the file name and the button's test id: `{table}-csv`.
    table: &'static str,
    make: Callback<String, String>,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    view! {
        <button type="button" class="button secondary csv" data-testid=format!("{table}-csv")
            on:click=move |_| {
                let text = make.run(page_address());
                let date = js_sys::Date::new_0().to_iso_string().as_string();
                let name = file_name(table, date.as_deref().map(|d| &d[..10.min(d.len())]));
                failed.set(download(&text, "text/csv;charset=utf-8", &name).is_err());
            }
        >
            "Download CSV"
        </button>
        {move || failed.get().then(|| view! { <span class="msg" role="alert">"The browser refused the download."</span> })}
    }
}

/// The cells of the table `[data-testid="{testid}"]` as shown: the head's words, then each
/// body row's cells, a cell's `data-value` (the exact figure) where it has one, else its
/// words; a cell spanning columns fills them with blanks so the columns stay aligned.
fn table_cells(testid: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let table = document()
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()??;
    let words = |el: &web_sys::Element| {
        el.text_content()
            .unwrap_or_default()
            .trim_end_matches([' ', '▲', '▼'])
            .trim()
            .to_string()
    };
    let list = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(nodes) = table.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .collect()
    };
    let header = list("thead th").iter().map(words).collect();
    let rows = list("tbody tr")
        .iter()
        .map(|tr| {
            let cells = tr.children();
            let mut out = Vec::new();
            for i in 0..cells.length() {
                let Some(cell) = cells.item(i) else { continue };
                out.push(
                    cell.get_attribute("data-value")
                        .unwrap_or_else(|| words(&cell)),
                );
                let span: u32 = cell
                    .get_attribute("colspan")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1);
                out.extend((1..span.min(32)).map(|_| String::new()));
            }
            out
        })
        .collect();
    Some((header, rows))
}

/// "Download CSV" for a table already on the page (the screener's, the take table, the
/// returns projection): its cells as shown, exact figures from their `data-value`.
#[component]
pub fn TableCsv(
    /// The table's name: its test id is `{table}-table`, the button's `{table}-csv`.
    table: &'static str,
) -> impl IntoView {
    let make = Callback::new(move |url: String| {
        let (header, rows) = table_cells(&format!("{table}-table")).unwrap_or_default();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        crate::calc::csv::csv(&url, &header, &rows)
    });
    view! { <DownloadCsv table=table make=make /> }
}
