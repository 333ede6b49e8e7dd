//! A plan: what a gene-level operation will do, before it is applied
//! ([`crate::core::genetics::compose::apply`]).

use crate::core::coord::Span;
use crate::core::design::genotype::Perturbation;
use crate::core::edit::EditRequest;
use crate::core::genome::contig::ContigId;

/// What a gene-level operation will do: the edit requests and the perturbation they realise.
/// The composer shows what it would do before it is applied with
/// [`crate::core::genetics::compose::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The edits, in order.
    pub requests: Vec<EditRequest>,
    /// The perturbation (its `edit_ids` are filled in by `apply`).
    pub perturbation: Perturbation,
    /// Reference bases (0-based, half-open) the plan's meaning depends on beyond the bases it
    /// changes: a point mutation's whole codons, whose residues it names. `apply` refuses the
    /// plan when an edit of the design already changes any of them (`gal4-c.69A>T` after
    /// `gal4-K23A:GCA` would name a codon that is no longer AAA).
    pub context: Vec<(ContigId, Span)>,
    /// What the plan does besides what it names, as sentences for its preview and the CLI's
    /// output: a promoter swap's replaced bases reaching another feature (its 3′ UTR and
    /// terminator, its promoter, or its bases; `promoter_neighbours.rs`). Empty for most plans.
    pub warnings: Vec<String>,
}
