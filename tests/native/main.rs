//! Every native integration test, as one test binary (one link instead of one per file): the real
//! genome, fixtures, property tests against a naive model, the CLI, view models, the layering.
//! Run one group with `cargo test --test native <module>::`.

#[path = "../common/mod.rs"]
mod common;

mod biology_review;
mod biology_warnings15;
mod c_terminal_signals;
mod cassette_pick;
mod cli_outputs;
mod cli_specs;
mod cli_summary;
mod datasets_browser;
mod datasets_cli;
mod datasets_exports;
mod datasets_gen;
mod datasets_pandas;
mod datasets_readers;
mod datasets_registry;
mod datasets_selection;
mod datasets_spec;
mod datasets_support;
mod design_library;
mod design_md5_recipe;
mod design_warnings;
mod edit_engine_props;
mod editor_logic;
mod edits_real_genome;
mod embed_css;
mod export_names;
mod export_review;
mod export_vocabulary;
mod exports_accession;
mod exports_biology;
mod fixtures;
mod fixtures_through_gt;
mod fuzz;
mod gene_edit_panel;
mod gene_lists;
mod genetics_edits;
mod genetics_essential;
mod genetics_mating;
mod genotype_edit_kinds;
mod genotype_regions;
mod genotype_specs;
mod gff3_structure;
mod import_repairs;
mod json_inputs;
mod layering;
mod map_geometry;
mod names;
mod no_panic;
mod panels_logic;
mod real_genome;
mod review_bio14;
mod review_bio15;
mod review_bio16;
mod review_bio17;
mod review_bio18;
mod scale;
mod signal_peptides;
mod spec_roundtrip;
mod spec_upgrade;
mod substitution_names;
mod viewport;
mod writers;
