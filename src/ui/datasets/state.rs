//! The Datasets tab's state, one per app instance (provided as context, no page-global state): the
//! catalog (registry, bundled lists, imported data), and what is derived from it and the design's
//! dataset selection — the selection over the matrix, the gene filter, the evaluation (keys and
//! overlaps once per data/key/gene set, groups and result per selection) — plus the import's
//! progress and reports. Changes to the selection go through [`AppState::commit`] like every
//! design change (undo, autosave, share link).

use std::rc::Rc;

use leptos::prelude::*;

use super::derived::Derived;
use super::host::Host;
use super::queue::Jobs;
use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::evaluation::Evaluation;
use crate::core::datasets::selection::Selection;
use crate::core::design::dataset_selection::DatasetSelection;
use crate::ui::state::Shared;
use crate::view::datasets_import::FileReport;

/// Where the bundled lists stand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum BundledStatus {
    /// Not asked for yet ([`super::bundled::want`]).
    #[default]
    Idle,
    /// Being fetched.
    Fetching,
    /// Fetched and loaded, or failed (the app said so): nothing more will come.
    Settled,
}

/// The fetched files: (path under `public/`, bytes).
pub type BundledFiles = Rc<Vec<(String, Vec<u8>)>>;

/// The gene filter of the selection's gene-set choice, or why it cannot be applied.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterState {
    /// The filter (`None`: no restriction).
    pub filter: Option<Shared<GeneFilter>>,
    /// Why the chosen gene set is not applied.
    pub problem: Option<String>,
}

/// An import under way.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The dataset being filled.
    pub dataset: String,
    /// The files, with their sizes.
    pub files: Vec<(String, u64)>,
    /// Which file is being read.
    pub file: usize,
    /// Bytes of it read.
    pub bytes: u64,
    /// Rows of it read.
    pub rows: u64,
    /// When the file started (ms, `performance.now()`).
    pub started_ms: f64,
    /// When the last progress came.
    pub now_ms: f64,
}

/// What one imported file gave, for the report list.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportEntry {
    /// Increasing id (for keys).
    pub id: u64,
    /// The dataset it went to.
    pub dataset: String,
    /// The report, or the error that stopped the file.
    pub report: Result<FileReport, (String, String)>,
    /// Whether its data was kept in the browser (`None` while being saved).
    pub stored: Option<String>,
    /// Whether keeping it failed.
    pub store_problem: bool,
}

/// The Datasets state (see the module documentation).
#[derive(Clone, Copy)]
pub struct DatasetsState {
    /// The page's app: the design part the tab reads, notices, design changes.
    pub app: Host,
    /// Registry, bundled lists and imported data.
    pub catalog: RwSignal<Catalog>,
    /// The design's dataset selection.
    pub record: Memo<DatasetSelection>,
    /// The selection over the catalog's matrix, and selected ids the catalog lacks.
    pub selection: Memo<(Selection, Vec<String>)>,
    /// The gene filter.
    pub filter: Memo<FilterState>,
    /// Keys and overlaps (per data, key kind and gene set).
    pub base: Memo<Shared<Evaluation>>,
    /// Each dataset's derived keys, kept between evaluations.
    pub derived: StoredValue<Derived>,
    /// Keys, overlaps, groups and result of the selection.
    pub evaluation: Memo<Shared<Evaluation>>,
    /// The import under way, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// Reports of imported files, latest last.
    pub reports: RwSignal<Vec<ReportEntry>>,
    /// Whether the stored datasets have been read back.
    pub restored: RwSignal<bool>,
    /// Whether the bundled gene lists have been fetched ([`super::bundled`]).
    pub bundled: RwSignal<BundledStatus>,
    /// The bundled lists' bytes once fetched.
    pub bundled_files: StoredValue<Option<BundledFiles>, LocalStorage>,
    /// The worker and its jobs.
    pub jobs: StoredValue<Jobs, LocalStorage>,
}

impl DatasetsState {
    /// Builds the state and provides it as context (`super::install` then starts reading the
    /// stored datasets back; the bundled lists come when first needed, [`super::bundled`]).
    pub fn new(app: Host) -> Self {
        let catalog = RwSignal::new(Catalog::with_registry());
        let record = Memo::new(move |_| app.design.with(|d| d.selection.clone()));
        let selection = Memo::new(move |_| record.with(|r| catalog.with(|c| r.to_selection(c))));
        let design_gene_set = Memo::new(move |_| app.design.with(|d| d.genotype.gene_set.clone()));
        let filter = Memo::new(move |_| {
            record.with(|r| {
                catalog.with(|c| {
                    design_gene_set.with(|g| match r.gene_filter(c, g.as_ref()) {
                        Ok(f) => FilterState {
                            filter: f.map(Shared::new),
                            problem: None,
                        },
                        Err(e) => FilterState {
                            filter: None,
                            problem: Some(e),
                        },
                    })
                })
            })
        });
        let key = Memo::new(move |_| record.with(|r| r.key));
        let derived = StoredValue::new(Derived::default());
        let base = Memo::new(move |_| {
            let key = key.get();
            filter.with(|f| {
                catalog.with(|c| {
                    derived
                        .try_update_value(|d| d.evaluate(c, key, f.filter.as_deref()))
                        .map(Shared::new)
                        .unwrap_or_else(|| {
                            Shared::new(Evaluation::new(
                                c,
                                &Selection::new(c.len()),
                                key,
                                f.filter.as_deref(),
                            ))
                        })
                })
            })
        });
        let evaluation = Memo::new(move |_| {
            let mut ev = (*base.get().0).clone();
            selection.with(|(s, _)| ev.reselect(s));
            Shared::new(ev)
        });
        let state = Self {
            app,
            catalog,
            record,
            selection,
            filter,
            base,
            derived,
            evaluation,
            progress: RwSignal::new(None),
            reports: RwSignal::new(Vec::new()),
            restored: RwSignal::new(false),
            bundled: RwSignal::new(BundledStatus::Idle),
            bundled_files: StoredValue::new_local(None),
            jobs: StoredValue::new_local(Jobs::default()),
        };
        provide_context(state);
        state
    }

    /// Selects or deselects the catalog's dataset at `index` (a design change).
    pub fn select(&self, index: usize, on: bool) {
        let catalog = self.catalog;
        let result = self.app.change_selection(true, |r| {
            catalog.with_untracked(|c| r.select(c, index, on));
        });
        if let Err(e) = result {
            self.app
                .notify(true, format!("The selection did not change: {e}"));
        }
    }

    /// Flips a pair of selected datasets between ∪ and ∩ (a design change).
    pub fn toggle(&self, a: usize, b: usize) {
        let ids = self.catalog.with_untracked(|c| {
            (
                c.entries.get(a).map(|e| e.info.id.clone()),
                c.entries.get(b).map(|e| e.info.id.clone()),
            )
        });
        let (Some(a), Some(b)) = ids else { return };
        let mut refused = None;
        let result = self.app.change_selection(true, |r| {
            if let Err(e) = r.toggle(&a, &b) {
                refused = Some(e.to_string());
            }
        });
        if let Some(e) = refused.or(result.err()) {
            self.app
                .notify(true, format!("The join did not change: {e}"));
        }
    }

    /// Changes the record in some other way (key kind, gene set, measured_in): a design change.
    pub fn change(&self, f: impl FnOnce(&mut DatasetSelection)) {
        if let Err(e) = self.app.change_selection(true, f) {
            self.app
                .notify(true, format!("The selection did not change: {e}"));
        }
    }

    /// Brings the record's file lists up to date after imports (not an undo step of its own);
    /// `replaced` names a dataset whose data the user replaced or removed, recorded as it is now.
    pub fn refresh_sources(&self, replaced: Option<&str>) {
        let catalog = self.catalog;
        let result = self.app.change_selection(false, |r| {
            catalog.with_untracked(|c| {
                let forced = replaced.is_some_and(|id| r.set_sources(c, id));
                r.refresh_sources(c) || forced
            });
        });
        if let Err(e) = result {
            self.app.notify(
                true,
                format!("The selection's file lists did not change: {e}"),
            );
        }
    }
}

/// The Datasets state from context.
pub fn use_datasets() -> DatasetsState {
    use_context::<DatasetsState>().expect("DatasetsState is provided where the tab is mounted")
}
