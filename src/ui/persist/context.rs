//! What one app instance keeps about the library of designs ([`Persist`], a context): the open
//! entry, the revision this tab last read or wrote, a conflict with another tab, pending saves.

use leptos::prelude::*;

use crate::view::library::DesignLibrary;

/// What this app instance keeps about the library: provided as context by `persist::install`.
#[derive(Clone, Copy)]
pub struct Persist {
    /// The library as last read or written.
    pub library: RwSignal<DesignLibrary>,
    /// The open design's entry (`None`: not saved yet).
    pub current: RwSignal<Option<String>>,
    /// The revision of the open design this tab last read or wrote.
    pub(super) known: StoredValue<u64>,
    /// Another tab saved or deleted the open design since: nothing is written until the user
    /// chooses.
    pub conflict: RwSignal<bool>,
    /// The latest requested save and the latest written (older pending saves are skipped).
    pub(super) requested: StoredValue<u64>,
    pub(super) written: StoredValue<u64>,
}

impl Persist {
    /// A fresh state: nothing open, nothing saved; provide it as context.
    pub(super) fn new() -> Self {
        Self {
            library: RwSignal::new(DesignLibrary::default()),
            current: RwSignal::new(None),
            known: StoredValue::new(0),
            conflict: RwSignal::new(false),
            requested: StoredValue::new(0),
            written: StoredValue::new(0),
        }
    }

    /// Whether a save was requested and not yet written.
    pub(super) fn pending(&self) -> bool {
        self.requested.get_value() != self.written.get_value()
    }
}

/// The name the user gave the open design in the library (`None`: untitled, not saved yet, or
/// no library — an embedded element has none). Read from context, untracked.
pub fn given_name() -> Option<String> {
    let p = use_context::<Persist>()?;
    let id = p.current.get_untracked()?;
    p.library
        .with_untracked(|l| l.get(&id).and_then(|e| e.given_name().map(str::to_owned)))
}

/// The library state from context.
pub fn use_persist() -> Persist {
    use_context::<Persist>().expect("Persist is provided by persist::install")
}
