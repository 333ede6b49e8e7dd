//! The app's state: the loaded genome and the design, as signals. Everything shown is derived
//! from them with memos; changes to the design go through [`AppState::commit`] (which records
//! history and autosaves), never through effects.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::design::Design;
use crate::core::edit::{EditError, EditId};
use crate::core::genetics::cassette::Library;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::summary::GenomeSummary;
use crate::core::lift::Lifted;
use crate::core::spec::ReferenceSpec;
use crate::io::load::{Loaded, Progress};
use crate::view::map::insert_shape::InsertRef;
use crate::view::viewport::Viewport;

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

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(v: T) -> Self {
        Self(Arc::new(v))
    }
}

/// A genome ready to edit.
#[derive(Debug)]
pub struct Ready {
    /// Genome, diagnostics, inputs.
    pub loaded: Loaded,
    /// Its summary.
    pub summary: GenomeSummary,
    /// What it is called in the header ("S288C reference (R64)" or the file names).
    pub label: String,
    /// Milliseconds from navigation start to ready (performance.now()).
    pub ready_ms: f64,
}

impl Ready {
    /// The genome.
    pub fn genome(&self) -> &Genome {
        &self.loaded.genome
    }
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

/// Which coordinates the map's axis shows.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Axis {
    /// Reference positions.
    #[default]
    Reference,
    /// Positions in the edited genome.
    Edited,
}

/// What a notice offers to do, as a button in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Undo the change the notice reports.
    Undo,
    /// Show the load's diagnostics (the Genome tab).
    ShowProblems,
    /// Show a share link in full (it was copied).
    ShowLink(String),
    /// Replace the design on screen by the one another tab saved.
    LoadOtherTab,
    /// Keep the design on screen as a new design of the library (the other tab's stays).
    SaveCopy,
}

/// A message for the user (an error is never silent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Increasing id (for keys).
    pub id: u64,
    /// Error or information.
    pub error: bool,
    /// The words.
    pub text: String,
    /// Buttons it offers.
    pub actions: Vec<NoticeAction>,
    /// What it is about: a notice about the genome on screen (or its design) goes when another
    /// genome is opened.
    pub scope: NoticeScope,
}

/// What a notice is about, so that it goes when that does.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NoticeScope {
    /// The genome on screen, its design, an import or export made on it.
    Genome,
    /// The app itself (its libraries of cassettes and datasets): stays across genomes.
    App,
    /// A file import that failed: goes when the next import succeeds (or with its genome).
    Import,
}

/// How long an information notice stays (ms): long enough to read it and press its Undo.
pub const INFO_NOTICE_MS: u32 = 15_000;

/// Notices shown at once at most; older ones give way.
pub const NOTICES_MAX: usize = 3;

/// Undo and redo stacks of designs (cheap to keep: sequences are shared).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Earlier designs, most recent last.
    pub past: Vec<Design>,
    /// Undone designs, most recent last.
    pub future: Vec<Design>,
}

/// What runs after a change or a load (a closure over its own per-instance state).
pub type ChangeHook = Arc<dyn Fn(&AppState) + Send + Sync>;

/// The app's signals, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Loading state of the genome being loaded.
    pub load: RwSignal<LoadState>,
    /// The genome being edited (kept when a later load fails).
    pub genome: RwSignal<Option<Shared<Ready>>>,
    /// The design.
    pub design: RwSignal<Design>,
    /// Undo/redo.
    pub history: RwSignal<History>,
    /// Every feature through the design's edits (derived).
    pub lifted: Memo<Option<Shared<Lifted>>>,
    /// The map's window (reference coordinates).
    pub view: RwSignal<Option<Viewport>>,
    /// The selected gene.
    pub selected: RwSignal<Option<FeatureIdx>>,
    /// The selected inserted sequence or part (drawn in edited coordinates); never set together
    /// with `selected`.
    pub selected_insert: RwSignal<Option<InsertRef>>,
    /// The selected edit (for the sequence view).
    pub selected_edit: RwSignal<Option<EditId>>,
    /// The axis' coordinates.
    pub axis: RwSignal<Axis>,
    /// Messages to show.
    pub notices: RwSignal<Vec<Notice>>,
    /// The id the next notice gets (never reused, so a new notice is never taken for a removed one).
    next_notice: StoredValue<u64>,
    /// Cassettes: the shipped library plus the user's own.
    pub library: RwSignal<Library>,
    /// The deletion project's essentiality per ORF (empty until fetched).
    pub essential: RwSignal<Shared<crate::core::genetics::essential::EssentialityTable>>,
    /// The reference description with checksums, computed once per genome when first needed.
    pub reference: RwSignal<Option<Shared<ReferenceSpec>>>,
    /// What runs after every design change (autosave, when the front end keeps one).
    pub on_change: StoredValue<Option<ChangeHook>>,
    /// What runs once a genome has loaded and painted (restoring the saved or linked design).
    pub on_load: StoredValue<Option<ChangeHook>>,
    /// What runs before another genome replaces the one on screen (its design is written first:
    /// a pending save, or a copy when another tab changed it meanwhile).
    pub on_unload: StoredValue<Option<ChangeHook>>,
    /// A region selected by shift-dragging on the map (reference coordinates).
    pub region: RwSignal<
        Option<(
            crate::core::genome::contig::ContigId,
            crate::core::coord::Span,
        )>,
    >,
    /// The sequence-window flanks of the ML views' exports.
    pub flanks: RwSignal<crate::core::ml::Flanks>,
}

impl AppState {
    /// Fresh state: loading the default genome.
    pub fn new() -> Self {
        let genome: RwSignal<Option<Shared<Ready>>> = RwSignal::new(None);
        let design = RwSignal::new(Design::new());
        // The edits alone: a change of the dataset selection neither re-lifts nor redraws.
        let edited = Memo::new(move |_| design.with(Design::without_dataset_selection));
        let lifted = Memo::new(move |_| {
            genome.with(|g| {
                g.as_ref()
                    .map(|r| edited.with(|d| Shared::new(Lifted::new(r.genome(), d))))
            })
        });
        Self {
            load: RwSignal::new(LoadState::Loading {
                label: "S288C reference (R64)".to_owned(),
                progress: None,
            }),
            genome,
            design,
            history: RwSignal::new(History::default()),
            lifted,
            view: RwSignal::new(None),
            selected: RwSignal::new(None),
            selected_insert: RwSignal::new(None),
            selected_edit: RwSignal::new(None),
            axis: RwSignal::new(Axis::Reference),
            notices: RwSignal::new(Vec::new()),
            next_notice: StoredValue::new(1),
            library: RwSignal::new(Library::default()),
            essential: RwSignal::new(Shared::new(Default::default())),
            reference: RwSignal::new(None),
            on_change: StoredValue::new(None),
            on_load: StoredValue::new(None),
            on_unload: StoredValue::new(None),
            region: RwSignal::new(None),
            flanks: RwSignal::new(crate::core::ml::Flanks::default()),
        }
    }

    /// Shows a message.
    pub fn notify(&self, error: bool, text: impl Into<String>) {
        self.notify_with(error, text, Vec::new());
    }

    /// Shows a message and returns its id (for [`AppState::dismiss`]).
    pub fn notify_id(&self, error: bool, text: impl Into<String>) -> u64 {
        self.notify_with(error, text, Vec::new())
    }

    /// Shows a message about the app itself (not the genome on screen): it stays when another
    /// genome is opened.
    pub fn notify_app(&self, error: bool, text: impl Into<String>) {
        self.notify_scoped(error, text, NoticeScope::App);
    }

    /// Shows a message about `scope` (see [`NoticeScope`]) and returns its id.
    pub fn notify_scoped(&self, error: bool, text: impl Into<String>, scope: NoticeScope) -> u64 {
        let id = self.notify_with(error, text, Vec::new());
        self.notices.update(|n| {
            if let Some(x) = n.iter_mut().find(|x| x.id == id) {
                x.scope = scope;
            }
        });
        id
    }

    /// Removes the notices about `scope` (an import's errors when the next import succeeds).
    pub fn clear_scope(&self, scope: NoticeScope) {
        if self
            .notices
            .with_untracked(|n| n.iter().any(|x| x.scope == scope))
        {
            self.notices.update(|n| n.retain(|x| x.scope != scope));
        }
    }

    /// Removes the notices about the genome on screen and its design (another genome replaces
    /// it): what they said is about a genome no longer shown.
    pub fn clear_genome_notices(&self) {
        if self
            .notices
            .with_untracked(|n| n.iter().any(|x| x.scope != NoticeScope::App))
        {
            self.notices
                .update(|n| n.retain(|x| x.scope == NoticeScope::App));
        }
    }

    /// Removes one notice (an error its control's next success makes moot).
    pub fn dismiss(&self, id: u64) {
        if self
            .notices
            .with_untracked(|n| n.iter().any(|x| x.id == id))
        {
            self.notices.update(|n| n.retain(|x| x.id != id));
        }
    }

    /// Shows a message with buttons. Information is superseded by the next message (and by the
    /// next change of the design); errors stay until dismissed or pushed out by newer ones
    /// ([`NOTICES_MAX`] at most).
    pub fn notify_with(
        &self,
        error: bool,
        text: impl Into<String>,
        actions: Vec<NoticeAction>,
    ) -> u64 {
        // The UI's one number for an edit: core's `edit #4 (id 3)` reads `edit #4` here.
        let text = crate::view::edit_rows::as_listed(&text.into());
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            if !error {
                n.retain(|x| x.error);
            }
            // The same words again replace the older notice.
            n.retain(|x| x.text != text);
            n.push(Notice {
                id,
                error,
                text,
                actions,
                scope: NoticeScope::Genome,
            });
            while n.len() > NOTICES_MAX {
                n.remove(0);
            }
        });
        // An information notice goes by itself after a while (it never covers the map for
        // good); an error stays until closed or superseded.
        #[cfg(target_arch = "wasm32")]
        if !error {
            let notices = self.notices;
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(INFO_NOTICE_MS).await;
                let _ = notices.try_update(|n| n.retain(|x| x.id != id));
            });
        }
        id
    }

    /// Removes information notices: what they reported is past (the design changed).
    pub fn clear_info(&self) {
        if self.notices.with_untracked(|n| n.iter().any(|x| !x.error)) {
            self.notices.update(|n| n.retain(|x| x.error));
        }
    }

    /// Changes the design: `change` runs on a copy; on success the copy becomes the design, the
    /// old one goes on the undo stack and the design is saved. On error nothing changes and the
    /// error is returned (callers show it).
    pub fn commit<T>(
        &self,
        change: impl FnOnce(&Genome, &mut Design) -> Result<T, EditError>,
    ) -> Result<T, EditError> {
        let Some(ready) = self.genome.get_untracked() else {
            return Err(EditError::Gene("no genome is loaded".to_owned()));
        };
        let mut next = self.design.get_untracked();
        let out = change(ready.genome(), &mut next)?;
        self.replace_design(next, true);
        Ok(out)
    }

    /// Sets the design (recording the old one for undo when `record` is set) and autosaves.
    pub fn replace_design(&self, next: Design, record: bool) {
        let prev = self.design.get_untracked();
        if record {
            self.history.update(|h| {
                h.past.push(prev);
                h.future.clear();
            });
        }
        self.design.set(next);
        self.clear_info();
        if let Some(hook) = self.on_change.get_value() {
            hook(self);
        }
    }

    /// Undoes the last change. Returns whether there was one.
    pub fn undo(&self) -> bool {
        let Some(prev) = self.history.try_update(|h| h.past.pop()).flatten() else {
            return false;
        };
        let cur = self.design.get_untracked();
        self.history.update(|h| h.future.push(cur));
        self.replace_design(prev, false);
        true
    }

    /// Redoes the last undone change. Returns whether there was one.
    pub fn redo(&self) -> bool {
        let Some(next) = self.history.try_update(|h| h.future.pop()).flatten() else {
            return false;
        };
        let cur = self.design.get_untracked();
        self.history.update(|h| h.past.push(cur));
        self.replace_design(next, false);
        true
    }

    /// Forgets the reference description (a new genome is loading).
    pub fn forget_reference(&self) {
        self.reference.set(None);
    }

    /// The reference description (checksums), computed on first use for this genome.
    pub fn reference_spec(&self) -> Option<Shared<ReferenceSpec>> {
        if let Some(r) = self.reference.get_untracked() {
            return Some(r);
        }
        let ready = self.genome.get_untracked()?;
        let r = Shared::new(ReferenceSpec::of(ready.genome()));
        self.reference.set(Some(r.clone()));
        Some(r)
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
