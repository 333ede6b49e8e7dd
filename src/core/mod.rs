//! The domain, pure Rust: the genome model, edits and the design, lift-over and the edited genome,
//! genetics, the genotype spec, the ML views, and the experiment datasets a design is trained on. Shared by the browser app and the CLI; tested
//! natively.
//!
//! Invariants: nothing here names a browser API, a UI crate, the file system or a clock;
//! coordinates are 0-based half-open ([`coord`]); every input problem is a value (a diagnostic or a
//! typed error), never a panic. Nothing here is shaped for one panel of the screen: that is
//! `crate::view`.
//!
//! Folders depend one way: `coord`/`strand`/`seq` ← `genome` ← `edit` ← `design` ← `lift`,
//! `genetics` ← `spec`, `ml`; `datasets` (experiment datasets and their selection) needs only
//! `genome`, to resolve gene names.

pub mod coord;
pub mod seq;
pub mod sort;
pub mod strand;

pub mod datasets;
pub mod design;
pub mod edit;
pub mod genetics;
pub mod genome;
pub mod lift;
pub mod ml;
pub mod spec;
