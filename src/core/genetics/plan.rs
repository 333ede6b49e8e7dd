//! A plan: what a gene-level operation will do, before it is applied
//! ([`crate::core::genetics::compose::apply`]).

use crate::core::design::genotype::Perturbation;
use crate::core::edit::EditRequest;

/// What a gene-level operation will do: the edit requests and the perturbation they realise.
/// The composer shows what it would do before it is applied with
/// [`crate::core::genetics::compose::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The edits, in order.
    pub requests: Vec<EditRequest>,
    /// The perturbation (its `edit_ids` are filled in by `apply`).
    pub perturbation: Perturbation,
}
