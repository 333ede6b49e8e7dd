//! The domain, pure Rust: genome model, coordinates, edits, lift-over, spec, strains.
//!
//! Invariants: nothing here names a browser API or UI crate; coordinates are 0-based half-open
//! ([`coord`]); every input problem is a value (a diagnostic or a typed error), never a panic.

pub mod aliases;
pub mod assemble;
pub mod attributes;
pub mod cassette;
pub mod checksum;
pub mod compose;
pub mod compose_form;
pub mod contig;
pub mod coord;
pub mod coord_rows;
pub mod datasets;
pub mod design;
pub mod diagnostics;
pub mod edit;
pub mod edit_rows;
pub mod edited;
pub mod feature;
pub mod gene_card;
pub mod gene_info;
pub mod gene_list;
pub mod genome;
pub mod genotype;
mod hierarchy;
pub mod interval;
pub mod junction;
pub mod lift;
pub mod links;
pub mod map;
pub mod names;
pub mod nomenclature;
pub mod position;
pub mod preview;
pub mod reconcile;
pub mod seq;
pub mod seq_lines;
pub mod spec;
pub mod strain;
pub mod strand;
pub mod summary;
pub mod track;
pub mod viewport;
pub mod views;
