//! The Leptos front end: thin components over signals of (genome, design); everything shown is
//! derived from them with memos. Domain logic lives in `core`.

pub mod app;
pub mod asset_version;
pub mod browser;
pub mod composer;
pub mod coords;
pub mod datasets;
pub mod datasets_loader;
pub mod designs;
pub mod edit_list;
#[cfg(feature = "embed")]
pub mod embed;
pub mod exports;
pub mod gene_edits;
pub mod gene_list;
pub mod help;
pub mod host;
pub mod insert_picker;
pub mod loading;
pub mod map;
pub mod more_menu;
pub mod notices;
pub mod open;
pub mod panel_dom;
pub mod persist;
pub mod search;
pub mod sequence_view;
pub mod shared_fetch;
pub mod state;
pub mod strain;
pub mod strain_notes;
pub mod summary;
pub mod tabs;
pub mod virtual_rows;
pub mod window_size;
pub mod zygosity;
