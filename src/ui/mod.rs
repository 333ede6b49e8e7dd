//! The Leptos front end: thin components over signals of (genome, design); everything shown is
//! derived from them with memos. Domain logic lives in `core`.

pub mod app;
pub mod browser;
pub mod loading;
pub mod open;
pub mod search;
pub mod state;
pub mod summary;
