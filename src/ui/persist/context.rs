//! What one app instance keeps about the library of designs ([`Persist`], a context): the open
//! entry, the revision this tab last read or wrote, a conflict with another tab, pending saves.

use leptos::prelude::*;

use crate::core::design::Design;
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
    /// The design as the library holds it for the open entry at the revision this tab knows
    /// (`(id, revision, design)`, as last read or written): a tab whose design on screen is this
    /// one has nothing of its own unsaved.
    stored: StoredValue<Option<(String, u64, Design)>>,
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
            stored: StoredValue::new(None),
        }
    }

    /// Records that the library holds `design` for entry `id` at `revision` (just read or
    /// written), and that this tab knows that revision.
    pub(super) fn mark_stored(&self, id: &str, revision: u64, design: Design) {
        self.known.set_value(revision);
        self.stored
            .set_value(Some((id.to_owned(), revision, design)));
    }

    /// Whether `design` is the open entry's as stored at the revision this tab knows: nothing of
    /// this tab's own is unsaved. `false` when unsure (nothing recorded, another entry).
    pub(super) fn unchanged(&self, design: &Design) -> bool {
        let (Some(id), known) = (self.current.get_untracked(), self.known.get_value()) else {
            return false;
        };
        self.stored.with_value(|s| {
            s.as_ref()
                .is_some_and(|(i, r, d)| *i == id && *r == known && d == design)
        })
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
