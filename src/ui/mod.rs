//! The Leptos front end: thin components over view state derived from (genome, design).

pub mod app;
