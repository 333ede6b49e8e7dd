//! A design: the record of edits over an immutable reference. Everything else derives from it.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::core::design::dataset_selection::DatasetSelection;
use crate::core::design::genotype::{Genotype, Perturbation, Zygosity};
use crate::core::edit::annotation_check::{check_feature, check_label};
use crate::core::edit::layout::ContigLayout;
use crate::core::edit::validate::{Conflict, EditDesc, find_conflict};
use crate::core::edit::{Edit, EditError, EditId, EditOp, EditRequest, check_sequence};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;

/// The edits of a design, with the per-contig layouts derived from the enabled ones.
///
/// Cloning is cheap (sequences are shared), which is what undo/redo relies on. Every mutating
/// method either succeeds or returns an error and leaves the design exactly as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Design {
    pub(super) edits: Vec<Edit>,
    /// Disabled edits, sorted.
    pub(super) disabled: Vec<EditId>,
    pub(super) layouts: BTreeMap<ContigId, ContigLayout>,
    pub(super) next_id: u32,
    pub(super) genotype: Genotype,
    pub(super) datasets: DatasetSelection,
}

impl Design {
    /// An empty design.
    pub fn new() -> Self {
        Self::default()
    }

    /// What the design means genetically (background, perturbations, gene set).
    pub fn genotype(&self) -> &Genotype {
        &self.genotype
    }

    /// Whether a perturbation of this design's genotype is in effect: heterozygous (its edits are
    /// kept disabled on purpose: they describe the other copy, recorded and not applied), or every
    /// edit that realises it enabled. A perturbation whose edit the user disabled is not: the
    /// genotype string, the headers of the exports and the gene nodes leave it out, and the spec
    /// marks it `"in_effect": false` (it stays in the design, and comes back with its edit).
    pub fn in_effect(&self, p: &Perturbation) -> bool {
        p.zygosity == Zygosity::Heterozygous || p.edit_ids.iter().all(|&id| self.is_enabled(id))
    }

    /// The genotype with only the perturbations [in effect](Self::in_effect): what the edited
    /// genome is (the genotype string shown and exported). Background alleles are all kept.
    pub fn genotype_in_effect(&self) -> Genotype {
        Genotype {
            perturbations: (self.genotype.perturbations.iter())
                .filter(|p| self.in_effect(p))
                .cloned()
                .collect(),
            ..self.genotype.clone()
        }
    }

    /// Changes the genetic description. The edits are untouched.
    pub fn genotype_mut(&mut self) -> &mut Genotype {
        &mut self.genotype
    }

    /// Which datasets are joined into the training set, and how (a record of dataset ids).
    pub fn dataset_selection(&self) -> &DatasetSelection {
        &self.datasets
    }

    /// Changes the dataset selection. The edits and the genotype are untouched.
    pub fn dataset_selection_mut(&mut self) -> &mut DatasetSelection {
        &mut self.datasets
    }

    /// The design without its dataset selection: what the edited genome is derived from (so a
    /// change of selection does not re-derive it).
    pub fn without_dataset_selection(&self) -> Design {
        Design {
            datasets: DatasetSelection::default(),
            ..self.clone()
        }
    }

    /// Whether there is nothing to keep: no edit, no genetic description, no dataset selection.
    pub fn is_blank(&self) -> bool {
        self.edits.is_empty() && self.genotype == Genotype::default() && self.datasets.is_empty()
    }

    /// All edits (enabled or not), in id order (the order they were added).
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// The enabled edits, in the order they were added.
    pub fn enabled(&self) -> impl Iterator<Item = &Edit> {
        self.edits.iter().filter(|e| self.is_enabled(e.id))
    }

    /// Whether the design has no edit.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// One edit. O(log E): edits are kept in id order.
    pub fn edit(&self, id: EditId) -> Option<&Edit> {
        self.edits
            .binary_search_by_key(&id, |e| e.id)
            .ok()
            .map(|i| &self.edits[i])
    }

    /// Whether an edit takes part in the edited genome. O(log D).
    pub fn is_enabled(&self, id: EditId) -> bool {
        self.disabled.binary_search(&id).is_err()
    }

    /// The layout of a contig's enabled edits (`None` when it has none).
    pub fn layout(&self, contig: ContigId) -> Option<&ContigLayout> {
        self.layouts.get(&contig)
    }

    /// Contigs with at least one enabled edit.
    pub fn edited_contigs(&self) -> impl Iterator<Item = ContigId> + '_ {
        self.layouts.keys().copied()
    }

    /// The id the next added edit gets.
    pub fn next_id(&self) -> EditId {
        EditId(self.next_id)
    }

    /// Describes an edit for messages.
    pub fn describe(genome: &Genome, e: &Edit, with_id: bool) -> EditDesc {
        describe_parts(
            genome,
            e.contig,
            e.span.start().get(),
            e.span.end().get(),
            e.op,
            e.label.clone(),
        )
        .with_id(with_id.then_some(e.id))
    }

    /// Validates and adds an edit. On error the design is unchanged.
    pub fn add(&mut self, genome: &Genome, req: EditRequest) -> Result<EditId, EditError> {
        let id = EditId(self.next_id);
        self.add_with_id(genome, req, id)
    }

    /// Adds an edit under a chosen id (restoring a saved design). The id must be unused.
    pub fn add_with_id(
        &mut self,
        genome: &Genome,
        req: EditRequest,
        id: EditId,
    ) -> Result<EditId, EditError> {
        let Err(slot) = self.edits.binary_search_by_key(&id, |e| e.id) else {
            return Err(EditError::BadCoordinates(format!(
                "edit id {id} is used twice"
            )));
        };
        let edit = Edit {
            id,
            contig: req.contig,
            span: req.span,
            sequence: Arc::from(req.sequence),
            op: req.op,
            label: req.label,
            feature: req.feature,
        };
        self.check(genome, &edit)?;
        self.layouts
            .entry(edit.contig)
            .or_insert_with(|| ContigLayout::new(genome.contig(edit.contig).length, []))
            .insert(&edit);
        self.next_id = self.next_id.max(id.0 + 1);
        self.edits.insert(slot, edit);
        Ok(id)
    }

    /// Removes an edit.
    pub fn remove(&mut self, id: EditId) -> Result<Edit, EditError> {
        let at = self
            .edits
            .iter()
            .position(|e| e.id == id)
            .ok_or(EditError::UnknownEdit(id))?;
        let edit = self.edits.remove(at);
        if let Some(l) = self.layouts.get_mut(&edit.contig) {
            l.remove(id);
            if l.ops().is_empty() {
                self.layouts.remove(&edit.contig);
            }
        }
        if let Ok(i) = self.disabled.binary_search(&id) {
            self.disabled.remove(i);
        }
        self.genotype.forget_edit(id);
        Ok(edit)
    }

    /// Disables or re-enables an edit. Re-enabling is validated against the enabled edits, and refused
    /// for the edits of a heterozygous perturbation (they describe the other copy).
    pub fn set_enabled(
        &mut self,
        genome: &Genome,
        id: EditId,
        enabled: bool,
    ) -> Result<(), EditError> {
        let edit = self.edit(id).ok_or(EditError::UnknownEdit(id))?.clone();
        if enabled == self.is_enabled(id) {
            return Ok(());
        }
        if enabled {
            if let Some(p) = self.genotype.perturbations.iter().find(|p| {
                p.zygosity == crate::core::design::genotype::Zygosity::Heterozygous
                    && p.edit_ids.contains(&id)
            }) {
                return Err(EditError::Gene(format!(
                    "edit {} realises the heterozygous {}: it describes the other copy and is not applied to the single edited sequence",
                    id.cited(),
                    p.designation
                )));
            }
            self.check(genome, &edit)?;
            if let Ok(i) = self.disabled.binary_search(&id) {
                self.disabled.remove(i);
            }
            self.layouts
                .entry(edit.contig)
                .or_insert_with(|| ContigLayout::new(genome.contig(edit.contig).length, []))
                .insert(&edit);
        } else {
            if let Err(i) = self.disabled.binary_search(&id) {
                self.disabled.insert(i, id);
            }
            if let Some(l) = self.layouts.get_mut(&edit.contig) {
                l.remove(id);
                if l.ops().is_empty() {
                    self.layouts.remove(&edit.contig);
                }
            }
        }
        Ok(())
    }

    /// Checks an edit against the genome and the enabled edits, without adding it.
    pub fn check(&self, genome: &Genome, e: &Edit) -> Result<(), EditError> {
        check_alone(genome, e)?;
        let ids = |x: &Edit| -> Vec<String> {
            x.feature
                .as_ref()
                .map(|f| f.ids().map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let mine = ids(e);
        if let Some((id, other)) = self.edits.iter().filter(|o| o.id != e.id).find_map(|o| {
            let theirs = ids(o);
            mine.iter()
                .find(|i| theirs.contains(i))
                .map(|i| (i.clone(), o))
        }) {
            return Err(EditError::Annotation {
                edit: Box::new(Self::describe(genome, e, false)),
                problem: format!(
                    "feature ID '{id}' is already the ID of the feature inserted by {}",
                    Self::describe(genome, other, true)
                ),
            });
        }
        let desc = || Box::new(Self::describe(genome, e, false));
        let (start, end) = (e.span.start().get(), e.span.end().get());
        let Some(layout) = self.layouts.get(&e.contig) else {
            return Ok(());
        };
        let other = |i: usize| {
            let id = layout.ops()[i].edit;
            self.edit(id)
                .map_or_else(&desc, |o| Box::new(Self::describe(genome, o, true)))
        };
        conflict_error(find_conflict(layout, start, end), desc, other)
    }
}

/// The error for a conflict found between a new edit (`new`) and an existing one (`existing(i)`).
pub(super) fn conflict_error(
    conflict: Option<Conflict>,
    new: impl Fn() -> Box<EditDesc>,
    existing: impl Fn(usize) -> Box<EditDesc>,
) -> Result<(), EditError> {
    match conflict {
        None => Ok(()),
        Some(Conflict::Overlap(i)) => Err(EditError::Overlap {
            new: new(),
            existing: existing(i),
        }),
        Some(Conflict::SameGap(i)) => Err(EditError::SameGap {
            new: new(),
            existing: existing(i),
        }),
        Some(Conflict::InsertInsideSpan {
            existing_is_span: true,
            op,
        }) => Err(EditError::InsertInsideSpan {
            insertion: new(),
            span: existing(op),
        }),
        Some(Conflict::InsertInsideSpan {
            existing_is_span: false,
            op,
        }) => Err(EditError::InsertInsideSpan {
            insertion: existing(op),
            span: new(),
        }),
    }
}

/// Checks what an edit must satisfy on its own: its contig exists and is not ambiguous, its span
/// fits, its kind matches its span and sequence, its bases are IUPAC codes, and its label and
/// feature can be written into GFF3, the report and the spec (an inserted feature's ID is not an
/// ID of the annotation).
pub(super) fn check_alone(genome: &Genome, e: &Edit) -> Result<(), EditError> {
    {
        let Some(contig) = genome.contigs().get(e.contig.get()) else {
            return Err(EditError::UnknownContig(format!("contig #{}", e.contig.0)));
        };
        let desc = || Box::new(Design::describe(genome, e, false));
        let end = e.span.end().get();
        if end > contig.length {
            return Err(EditError::OutOfBounds {
                edit: desc(),
                contig: contig.name.to_string(),
                length: contig.length,
            });
        }
        match e.op {
            EditOp::Delete if e.span.is_empty() => {
                return Err(EditError::BadCoordinates(format!(
                    "{}: a deletion needs at least one base",
                    desc()
                )));
            }
            EditOp::Delete if !e.sequence.is_empty() => {
                return Err(EditError::BadCoordinates(format!(
                    "{}: a deletion carries no sequence",
                    desc()
                )));
            }
            EditOp::Insert if !e.span.is_empty() => {
                return Err(EditError::BadCoordinates(format!(
                    "{}: an insertion removes no bases",
                    desc()
                )));
            }
            EditOp::Insert if e.sequence.is_empty() => {
                return Err(EditError::EmptyInsertion(desc()));
            }
            EditOp::Replace if e.span.is_empty() => {
                return Err(EditError::BadCoordinates(format!(
                    "{}: a replacement needs at least one base",
                    desc()
                )));
            }
            _ => {}
        }
        if let Err((position, letter)) = check_sequence(&e.sequence) {
            return Err(EditError::NotIupac {
                edit: desc(),
                position,
                letter,
            });
        }
        if let Some(why) = &contig.ambiguity {
            return Err(EditError::AmbiguousContig {
                edit: desc(),
                contig: contig.name.to_string(),
                why: why.to_string(),
            });
        }
        let annotation = |problem: String| EditError::Annotation {
            edit: desc(),
            problem,
        };
        if let Some(label) = &e.label {
            check_label(label).map_err(annotation)?;
        }
        if let Some(f) = &e.feature {
            if e.sequence.is_empty() {
                return Err(annotation(
                    "a feature annotates inserted bases, and this edit inserts none".to_owned(),
                ));
            }
            check_feature(f, e.sequence.len() as u64).map_err(annotation)?;
            // Without an annotation (a FASTA alone: lift-over needs only the edits' coordinates)
            // there is no ID to check; the line it supersedes is simply not there.
            if let Some(id) = f
                .supersedes
                .iter()
                .find(|id| !genome.features().is_empty() && genome.by_id(id).is_empty())
            {
                return Err(annotation(format!(
                    "it supersedes '{id}', which is not an ID of the annotation"
                )));
            }
            if let Some((id, &line)) = f
                .ids()
                .find_map(|id| genome.by_id(id).first().map(|l| (id, l)))
            {
                return Err(annotation(format!(
                    "feature ID '{id}' is already used by the annotation (GFF3 line {}); IDs must be unique",
                    genome.feature(line).source_line.line
                )));
            }
        }
        Ok(())
    }
}

/// Describes an edit from its parts (1-based at the boundary).
pub(crate) fn describe_parts(
    genome: &Genome,
    contig: ContigId,
    start: u64,
    end: u64,
    op: EditOp,
    label: Option<String>,
) -> EditDesc {
    let name = genome
        .contigs()
        .get(contig.get())
        .map_or_else(|| format!("contig #{}", contig.0), |c| c.name.to_string());
    let (s, e) = if start == end {
        (start, start)
    } else {
        (start + 1, end)
    };
    EditDesc {
        id: None,
        op,
        contig: name,
        start: s,
        end: e,
        label,
    }
}

impl EditDesc {
    fn with_id(mut self, id: Option<EditId>) -> Self {
        self.id = id;
        self
    }
}
