//! The app's state: the loaded genome and the design, as signals. Everything shown is derived
//! from them with memos; nothing is synchronised by effects.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::design::Design;
use crate::core::summary::GenomeSummary;
use crate::io::load::{Loaded, Progress};

/// A shared value compared by identity, so memos over large derived values (a lifted genome)
/// do not compare them element by element.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A genome ready to edit.
#[derive(Debug)]
pub struct Ready {
    /// Genome, diagnostics, inputs.
    pub loaded: Loaded,
    /// Its summary.
    pub summary: GenomeSummary,
    /// What it is called in the header ("S288C R64 (default)" or the file names).
    pub label: String,
    /// Milliseconds from navigation start to ready (performance.now()).
    pub ready_ms: f64,
}

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Loading, with progress and what is being loaded.
    Loading {
        /// What is loading.
        label: String,
        /// Progress.
        progress: Option<Progress>,
    },
    /// Loaded.
    Ready(Shared<Ready>),
    /// Failed, with the message (the previous genome, if any, stays in `AppState::genome`).
    Failed(String),
}

/// The app's signals, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Loading state of the genome being loaded.
    pub load: RwSignal<LoadState>,
    /// The genome being edited (kept when a later load fails).
    pub genome: RwSignal<Option<Shared<Ready>>>,
    /// The design.
    pub design: RwSignal<Design>,
}

impl AppState {
    /// Fresh state: loading the default genome.
    pub fn new() -> Self {
        Self {
            load: RwSignal::new(LoadState::Loading {
                label: "S288C reference (R64)".to_owned(),
                progress: None,
            }),
            genome: RwSignal::new(None),
            design: RwSignal::new(Design::new()),
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App")
}
