//! Per-import caches: each distinct gene name (as bytes in the file) is resolved once; each
//! distinct environment label is interned once.

use rustc_hash::FxHashMap;

use crate::core::datasets::intern::{EnvironmentId, GeneId, Interner};
use crate::core::datasets::key::MAX_ENVIRONMENT;
use crate::core::datasets::resolve::{GeneResolver, NameProblem, NameReport, Resolved};

/// Names already seen in this file.
#[derive(Debug, Default)]
pub struct NameCache {
    genes: FxHashMap<Box<[u8]>, (GeneId, bool)>,
    environments: FxHashMap<Box<[u8]>, EnvironmentId>,
    /// Names that did not resolve to exactly one gene.
    pub report: NameReport,
}

/// Too many distinct environments for a key.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TooManyEnvironments;

impl NameCache {
    /// The gene `raw` names (resolved through `resolver` the first time; unknown and ambiguous
    /// names are interned as written, upper-cased, and reported with `line`).
    pub fn gene(
        &mut self,
        raw: &[u8],
        line: u64,
        interner: &mut Interner,
        resolver: &dyn GeneResolver,
    ) -> GeneId {
        if let Some(&(id, problem)) = self.genes.get(raw) {
            if problem {
                self.report.occurrences += 1;
            }
            return id;
        }
        let text = String::from_utf8_lossy(raw);
        let name = text.trim();
        let (id, problem) = match resolver.resolve(name) {
            Resolved::Found(sys) => (interner.gene(&sys), None),
            Resolved::Ambiguous(candidates) => (
                interner.gene(name),
                Some(NameProblem::Ambiguous { candidates }),
            ),
            Resolved::Unknown => (interner.gene(name), Some(NameProblem::Unknown)),
        };
        let flagged = problem.is_some();
        if let Some(p) = problem {
            self.report.record(name, line, p);
            self.report.occurrences += 1;
        }
        self.genes.insert(raw.into(), (id, flagged));
        id
    }

    /// The environment `label` (already normalised by the reader) keyed by its raw bytes.
    pub fn environment(
        &mut self,
        raw: &[u8],
        label: impl FnOnce(&[u8]) -> String,
        interner: &mut Interner,
    ) -> Result<EnvironmentId, TooManyEnvironments> {
        if let Some(&id) = self.environments.get(raw) {
            return Ok(id);
        }
        let id = interner.environments.intern(&label(raw));
        if u64::from(id.0) > MAX_ENVIRONMENT {
            return Err(TooManyEnvironments);
        }
        self.environments.insert(raw.into(), id);
        Ok(id)
    }
}
