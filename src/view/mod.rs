//! Presentation models: what each part of the screen shows, as plain data derived from (genome,
//! design, window). Pure Rust, tested natively; `crate::ui` renders these values and a second
//! front end (the embedded element, the CLI's reports) can reuse them.
//!
//! Invariant: nothing here names a web crate; `crate::core` never names this module.

pub mod compose_form;
pub mod coord_rows;
pub mod datasets;
pub mod datasets_import;
pub mod datasets_measured;
pub mod design_warnings;
pub mod edit_rows;
pub mod embed_css;
pub mod export_name;
pub mod gene_card;
pub mod gene_edit_form;
pub mod gene_list;
pub mod help;
pub mod insert_card;
pub mod junction;
pub mod library;
pub mod map;
pub mod position;
pub mod preview;
pub mod refusal;
pub mod search;
pub mod seq_lines;
pub mod strain_notes;
pub mod track;
pub mod viewport;
