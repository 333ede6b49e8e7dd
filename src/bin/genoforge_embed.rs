//! The embeddable build (`bash .ci/build-embed`): the library's `embed` exports (`mount`, the
//! handle) for the `<genoforge-editor>` loader. Nothing runs at start: elements mount themselves.

// Linked for its `#[wasm_bindgen]` exports (`genoforge::ui::embed::handle`), which nothing here calls.
extern crate genoforge;

fn main() {}
