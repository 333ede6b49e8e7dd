//! The browser app's entry point (built by Trunk for wasm32: `bash .ci/serve`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use genoforge::ui::app::App;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <App /> });
}

/// Natively there is no DOM: the app is only built for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "genoforge-web is the browser app: build and serve it with trunk (`bash .ci/serve`). \
         The native command-line tool is the `genoforge` binary."
    );
}
