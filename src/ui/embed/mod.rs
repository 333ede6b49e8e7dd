//! The embedded front end: a `<genoforge-editor>` element on someone else's page (issue 14).
//!
//! The element itself is a small hand-written JavaScript class (`embed/genoforge-embed.js`:
//! wasm-bindgen cannot export a class that extends `HTMLElement`); it calls [`handle::mount`],
//! which renders the same components as the whole-page app ([`crate::ui::app::Editor`]) over an
//! [`crate::ui::state::AppState`] of its own inside the element's shadow root, with the app's
//! stylesheet adopted ([`crate::view::embed_css`]). Nothing here touches the page: no window
//! listeners, no document queries, no URL, no storage. Built only with the `embed` feature.
//!
//! - [`config`]: what the element's attributes say.
//! - [`genome_cache`]: each genome fetched and parsed once per page, shared by every element.
//! - [`events`]: the `genoforge-*` events the element fires.
//! - [`shell`]: one mounted instance (shadow root, styles, loading, the design, events).
//! - [`handle`]: the JavaScript API (`mount`, and the handle it returns).

pub mod config;
pub mod events;
pub mod genome_cache;
pub mod handle;
pub mod shell;
