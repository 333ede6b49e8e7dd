//! What the Datasets tab sees of the page's app. The tab is a wasm of its own
//! (`genoforge-datasets`, loaded when the tab first opens or a design with a dataset selection is
//! open: `crate::ui::datasets_loader`), so it does not share the page's reactive state: the page
//! sends it the part of the design it reads ([`DesignPart`], as JSON, whenever it changes), and
//! the tab asks the page, through [`Page`], to change the design's dataset selection, to show a
//! notice and for the genome's name table.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::design::dataset_selection::DatasetSelection;
use crate::core::design::genotype::Genotype;

/// The part of the design the tab reads: its dataset selection and its genotype.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DesignPart {
    /// The design's dataset selection.
    pub selection: DatasetSelection,
    /// The design's genotype in effect (its gene set, its perturbed genes; a perturbation whose
    /// edit the user disabled left out: `Design::genotype_in_effect`).
    pub genotype: Genotype,
}

/// A future the page answers with.
pub type PageFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// What the tab asks of the page.
pub trait Page {
    /// Makes `selection` the design's dataset selection: an undo step when `undo` is set (a
    /// change the user made), else a silent update (file lists after imports). The error says why
    /// the design did not change.
    fn commit(&self, selection: &DatasetSelection, undo: bool) -> Result<(), String>;
    /// Shows a notice (`error`: as a problem).
    fn notify(&self, error: bool, text: &str);
    /// The loaded genome's name table as JSON (`core::datasets::name_map::NameMap`), built once
    /// per genome; `None` when no genome is loaded.
    fn names(&self) -> PageFuture<Option<Rc<String>>>;
}

/// The tab's handle on the page: the design part it was last sent, and the page's services.
#[derive(Clone, Copy)]
pub struct Host {
    /// The design's dataset selection and genotype, as the page last sent them.
    pub design: RwSignal<DesignPart>,
    page: StoredValue<Rc<dyn Page>, LocalStorage>,
}

impl Host {
    /// A host over `page`, with the design part `design`.
    pub fn new(page: Rc<dyn Page>, design: DesignPart) -> Self {
        Self {
            design: RwSignal::new(design),
            page: StoredValue::new_local(page),
        }
    }

    /// Takes the design part the page sent (nothing changes when it is the same).
    pub fn set_design(&self, design: DesignPart) {
        if self.design.with_untracked(|d| *d != design) {
            self.design.set(design);
        }
    }

    /// Shows a notice on the page.
    pub fn notify(&self, error: bool, text: impl Into<String>) {
        let text = text.into();
        self.page.with_value(|p| p.notify(error, &text));
    }

    /// Changes the design's dataset selection through `f`: an undo step when `undo` is set. A
    /// change that leaves the selection as it was is not sent.
    pub fn change_selection(
        &self,
        undo: bool,
        f: impl FnOnce(&mut DatasetSelection),
    ) -> Result<(), String> {
        let mut next = self.design.with_untracked(|d| d.selection.clone());
        f(&mut next);
        if self.design.with_untracked(|d| d.selection == next) {
            return Ok(());
        }
        self.page.with_value(|p| p.commit(&next, undo))?;
        // The page sends the design back; until then the tab reads what it asked for.
        self.design.update(|d| d.selection = next);
        Ok(())
    }

    /// The genome's name table (`None`: no genome is loaded).
    pub async fn names(&self) -> Option<Rc<String>> {
        let fut = self.page.with_value(|p| p.names());
        fut.await
    }
}
