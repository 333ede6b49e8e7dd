//! The browser's dataset worker: built by Trunk as a Web Worker (`data-type="worker"` in
//! `index.html`); it reads imported dataset files and the stored datasets off the page's main
//! thread (`genoforge::ui::datasets::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    genoforge::ui::datasets::worker::start();
}

/// Natively there is no worker: it is only built for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "genoforge-worker is the browser app's dataset worker, built by trunk; the native \
         command-line tool is the `genoforge` binary."
    );
}
