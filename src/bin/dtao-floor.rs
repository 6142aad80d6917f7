//! The framework's floor for tools/bench: Leptos's own counter example, built with the app's
//! profile, cfg and wasm-opt, so "app size / empty Leptos app" is measured side by side.
//! Not part of the app (`--features floor`).

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! {
            <button on:click=move |_| set_count.update(|n| *n += 1)>"Count: " {count}</button>
        }
    })
}
