//! localStorage, which may be missing or full (private windows, quotas): every call is
//! best effort and says whether it worked.

const PREFIX: &str = "dtao-calc/";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{PREFIX}{key}"))
        .ok()
        .flatten()
}

/// Whether the value was stored.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}
