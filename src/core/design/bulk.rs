//! Adding many edits at once (an edits file, a spec, a composed plan) in O(E log E).
//!
//! Each edit is checked on its own, then against the enabled edits accepted so far through two
//! ordered maps per contig — spans by start and insertion gaps — which the design's invariants
//! keep simple: accepted spans never overlap, so only the span starting last before a position
//! can contain it. The contigs' layouts are built once at the end. The outcome (and the first
//! error, with its index) is exactly that of adding the edits one by one.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::core::design::Design;
use crate::core::design::record::{check_alone, conflict_error};
use crate::core::edit::layout::ContigLayout;
use crate::core::edit::validate::{Conflict, EditDesc};
use crate::core::edit::{Edit, EditError, EditId, EditRequest};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;

/// One edit to add with [`Design::add_many`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEdit {
    /// The id to give it (a restored spec's), or `None` for the next free one.
    pub id: Option<EditId>,
    /// The edit.
    pub request: EditRequest,
    /// Whether it takes part in the edited genome (a disabled edit is only checked on its own).
    pub enabled: bool,
}

/// Enabled edits accepted so far on one contig.
#[derive(Default)]
struct Occupied {
    /// Spans by start: (end, edit).
    spans: BTreeMap<u64, (u64, EditId)>,
    /// Insertions by gap.
    gaps: BTreeMap<u64, EditId>,
}

impl Occupied {
    /// The first conflict of `[start, end)` (empty: an insertion) with what is accepted, as the
    /// conflict kind and the other edit.
    fn conflict(&self, start: u64, end: u64) -> Option<(Conflict, EditId)> {
        if start == end {
            if let Some(&other) = self.gaps.get(&start) {
                return Some((Conflict::SameGap(0), other));
            }
            if let Some((_, &(e, other))) = self.spans.range(..start).next_back()
                && e > start
            {
                let c = Conflict::InsertInsideSpan {
                    existing_is_span: true,
                    op: 0,
                };
                return Some((c, other));
            }
            return None;
        }
        if let Some((_, &(e, other))) = self.spans.range(..end).next_back()
            && e > start
        {
            return Some((Conflict::Overlap(0), other));
        }
        if let Some((_, &other)) = self.gaps.range(start + 1..end).next() {
            let c = Conflict::InsertInsideSpan {
                existing_is_span: false,
                op: 0,
            };
            return Some((c, other));
        }
        None
    }

    fn accept(&mut self, start: u64, end: u64, id: EditId) {
        if start == end {
            self.gaps.insert(start, id);
        } else {
            self.spans.insert(start, (end, id));
        }
    }
}

impl Design {
    /// Adds several edits, all or none: on the first error, nothing is added and the error comes
    /// with the index of the refused request. O(E log E) for E edits in all.
    pub fn add_all(
        &mut self,
        genome: &Genome,
        reqs: impl IntoIterator<Item = EditRequest>,
    ) -> Result<Vec<EditId>, (usize, EditError)> {
        let new = reqs
            .into_iter()
            .map(|request| NewEdit {
                id: None,
                request,
                enabled: true,
            })
            .collect();
        self.add_many(genome, new)
    }

    /// Adds edits with chosen ids and enabled flags (restoring a spec), all or none, like
    /// [`Design::add_all`]. Ids must be unused; an edit without one gets the next free id.
    pub fn add_many(
        &mut self,
        genome: &Genome,
        new: Vec<NewEdit>,
    ) -> Result<Vec<EditId>, (usize, EditError)> {
        let mut occupied: HashMap<ContigId, Occupied> = HashMap::new();
        for (&c, layout) in &self.layouts {
            let o = occupied.entry(c).or_default();
            for op in layout.ops() {
                o.accept(op.start, op.end, op.edit);
            }
        }
        let mut feature_ids: HashMap<String, EditId> = self
            .edits
            .iter()
            .filter_map(|e| Some((e.feature.as_ref()?.id.clone()?, e.id)))
            .collect();
        let mut added: Vec<Edit> = Vec::with_capacity(new.len());
        let mut index: HashMap<EditId, usize> = HashMap::with_capacity(new.len());
        let mut disabled = Vec::new();
        let mut next_id = self.next_id;
        for (i, n) in new.into_iter().enumerate() {
            let id = n.id.unwrap_or(EditId(next_id));
            if index.contains_key(&id) || self.edit(id).is_some() {
                let e = EditError::BadCoordinates(format!("edit id {id} is used twice"));
                return Err((i, e));
            }
            let r = n.request;
            let edit = Edit {
                id,
                contig: r.contig,
                span: r.span,
                sequence: Arc::from(r.sequence),
                op: r.op,
                label: r.label,
                feature: r.feature,
            };
            check_alone(genome, &edit).map_err(|e| (i, e))?;
            let describe = |other: EditId| -> Box<EditDesc> {
                let o = index
                    .get(&other)
                    .map(|&k| &added[k])
                    .or_else(|| self.edit(other))
                    .unwrap_or(&edit);
                Box::new(Self::describe(genome, o, true))
            };
            if let Some(fid) = edit.feature.as_ref().and_then(|f| f.id.as_deref()) {
                if let Some(&other) = feature_ids.get(fid) {
                    let e = EditError::Annotation {
                        edit: Box::new(Self::describe(genome, &edit, false)),
                        problem: format!(
                            "feature ID '{fid}' is already the ID of the feature inserted by {}",
                            describe(other)
                        ),
                    };
                    return Err((i, e));
                }
                feature_ids.insert(fid.to_owned(), id);
            }
            if n.enabled {
                let (s, t) = (edit.span.start().get(), edit.span.end().get());
                let o = occupied.entry(edit.contig).or_default();
                if let Some((conflict, other)) = o.conflict(s, t) {
                    let new_desc = || Box::new(Self::describe(genome, &edit, false));
                    let e = conflict_error(Some(conflict), new_desc, |_| describe(other));
                    return Err((i, e.expect_err("a conflict is an error")));
                }
                o.accept(s, t, id);
            } else {
                disabled.push(id);
            }
            next_id = next_id.max(id.0 + 1);
            index.insert(id, added.len());
            added.push(edit);
        }
        let ids: Vec<EditId> = added.iter().map(|e| e.id).collect();
        let off: std::collections::HashSet<EditId> = disabled.iter().copied().collect();
        let touched: std::collections::BTreeSet<ContigId> = added
            .iter()
            .filter(|e| !off.contains(&e.id))
            .map(|e| e.contig)
            .collect();
        self.edits.extend(added);
        crate::core::sort::sort_by_key(&mut self.edits, |e| e.id);
        self.disabled.extend(disabled);
        self.disabled.sort_unstable();
        self.next_id = next_id;
        let mut per_contig: HashMap<ContigId, Vec<&Edit>> = HashMap::new();
        for e in &self.edits {
            if touched.contains(&e.contig) && self.disabled.binary_search(&e.id).is_err() {
                per_contig.entry(e.contig).or_default().push(e);
            }
        }
        for c in touched {
            match per_contig.remove(&c) {
                Some(edits) => {
                    let len = genome.contig(c).length;
                    self.layouts.insert(c, ContigLayout::new(len, edits));
                }
                None => {
                    self.layouts.remove(&c);
                }
            }
        }
        Ok(ids)
    }
}
