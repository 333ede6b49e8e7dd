//! The gene-edit panel's choices turned into a plan and the lines its preview shows: C- or
//! N-terminal tags (fused protein length and junction codons), point mutations (the codon
//! change), promoter swaps (the region replaced and both junctions), region deletions (a typed
//! locus or the region dragged on the map); copies in a diploid.

use crate::core::coord::{Span, thousands};
use crate::core::design::Design;
use crate::core::design::genotype::Zygosity;
use crate::core::edit::Terminus;
use crate::core::genetics::cassette::Library;
use crate::core::genetics::compose::Plan;
use crate::core::genetics::point::{parse_change, plan_point_mutation};
use crate::core::genetics::promoter::{
    DEFAULT_UPSTREAM, Upstream, plan_promoter_swap, promoter_by_name,
};
use crate::core::genetics::region::plan_region_deletion;
use crate::core::genetics::tag::plan_tag;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::view::viewport::Viewport;

/// Which gene edit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A tag at the C terminus (stop codon replaced).
    CTag,
    /// A tag after the ATG.
    NTag,
    /// A point mutation or small substitution.
    Point,
    /// A promoter swap.
    Promoter,
    /// A region deletion.
    Region,
}

impl Kind {
    /// Every kind, in the panel's order.
    pub const ALL: [Kind; 5] = [
        Self::CTag,
        Self::NTag,
        Self::Point,
        Self::Promoter,
        Self::Region,
    ];

    /// The terminus a tag kind fuses at; `None` for the other kinds.
    pub fn terminus(self) -> Option<crate::core::edit::Terminus> {
        match self {
            Self::CTag => Some(crate::core::edit::Terminus::C),
            Self::NTag => Some(crate::core::edit::Terminus::N),
            _ => None,
        }
    }

    /// A stable id for the DOM.
    pub fn id(self) -> &'static str {
        match self {
            Self::CTag => "c-tag",
            Self::NTag => "n-tag",
            Self::Point => "point",
            Self::Promoter => "promoter",
            Self::Region => "region",
        }
    }

    /// Words for a button.
    pub fn label(self) -> &'static str {
        match self {
            Self::CTag => "C-terminal tag",
            Self::NTag => "N-terminal tag",
            Self::Point => "Point mutation",
            Self::Promoter => "Promoter swap",
            Self::Region => "Delete region",
        }
    }
}

/// How much of a gene's upstream region a promoter swap replaces, as the panel offers it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum UpstreamChoice {
    /// The number of bases in the length field ([`Form::upstream`]; empty: the default,
    /// [`DEFAULT_UPSTREAM`]).
    #[default]
    Length,
    /// Everything up to the previous annotated feature (the length field is not used).
    ToPreviousFeature,
}

/// The promoter swap's length field's label: what an empty field means is what it does.
pub fn upstream_label() -> String {
    format!("Bases replaced 5′ of the ATG (default {DEFAULT_UPSTREAM})")
}

/// The panel's inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The kind.
    pub kind: Kind,
    /// Tag cassette name (library).
    pub tag: String,
    /// The change (`K23A`, `c.69A>G`).
    pub change: String,
    /// Promoter: a gene name (its own upstream region) or a library cassette's name.
    pub promoter: String,
    /// Bases upstream to replace; empty = [`DEFAULT_UPSTREAM`].
    pub upstream: String,
    /// The typed length, or up to the previous feature.
    pub upstream_choice: UpstreamChoice,
    /// Region: a locus (`IV:100,001-101,000`); empty = the region dragged on the map.
    pub locus: String,
    /// Copies in a diploid background.
    pub zygosity: Zygosity,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            kind: Kind::CTag,
            tag: "GFP(S65T)-kanMX6".to_owned(),
            change: String::new(),
            promoter: "GAL1".to_owned(),
            upstream: DEFAULT_UPSTREAM.to_string(),
            upstream_choice: UpstreamChoice::Length,
            locus: String::new(),
            zygosity: Zygosity::Heterozygous,
        }
    }
}

/// How a detail line that warns begins (`Warning: pGAL1-FAR1 replaces the 812 bp 3′ of …`).
pub const WARNING: &str = "Warning: ";

/// A plan and the lines its preview adds (fused protein, codons, junctions; the plan's
/// warnings last, each beginning [`WARNING`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The plan.
    pub plan: Plan,
    /// Lines for people.
    pub details: Vec<String>,
}

/// What the form still waits for before it can plan anything — a gene for tags, point mutations
/// and promoter swaps, a change typed for a point mutation, a promoter named for a swap, a region
/// typed or dragged for a region deletion — in words for a hint (not a refusal: nothing was
/// asked yet; what is typed is refused if it must be). `None` when the form can plan.
pub fn waiting_for(
    form: &Form,
    gene: Option<FeatureIdx>,
    dragged: Option<(ContigId, Span)>,
) -> Option<&'static str> {
    match form.kind {
        Kind::Region if form.locus.trim().is_empty() && dragged.is_none() => {
            Some("Type a region (IV:100,001-101,000) or shift-drag across the map to select one.")
        }
        Kind::Region => None,
        _ if gene.is_none() => Some(
            "Select a gene (search, or click the map) to tag it, mutate it or swap its promoter.",
        ),
        Kind::Point if form.change.trim().is_empty() => Some(
            "Type a change: K23A (the residue's most frequent yeast codon), K23A:GCC, or a change of bases, c.69A>G.",
        ),
        Kind::Promoter if form.promoter.trim().is_empty() => {
            Some("Type a promoter: a gene's (GAL1, TEF1) or a library part's name.")
        }
        _ => None,
    }
}

/// Why the form's gene-level edit (a tag, a point mutation, a promoter swap) cannot be made on
/// `gene` in `design`: an edit of the design already deleted it or replaced it whole (`PHO5 is
/// already deleted by edit #1 delete II:… (pho5Δ) in your design: there is nothing left to tag.`,
/// the edit numbered as the edit list numbers it). `None` when the gene is there to edit, and for
/// region deletions. O(log E) for the design's edits on the gene's contig.
pub fn gene_gone(genome: &Genome, design: &Design, gene: FeatureIdx, kind: Kind) -> Option<String> {
    use crate::core::genetics::bulk_delete::{Clash, clash_words, preview};
    let what = match kind {
        Kind::CTag | Kind::NTag => "tag",
        Kind::Point => "mutate",
        Kind::Promoter => "give a promoter",
        Kind::Region => return None,
    };
    let (_, edit) = preview(genome, design, &[gene]).already_deleted().next()?;
    let (systematic, standard) = genome.gene_names(gene);
    let name = if standard.is_empty() {
        systematic
    } else {
        standard
    };
    Some(format!(
        "{name} is {}: there is nothing left to {what}.",
        clash_words(genome, design, &Clash::AlreadyDeleted(edit))
    ))
}

/// The plan of the form for the selected gene (tags, point mutations, promoter swaps) or the
/// region (typed, else dragged on the map).
pub fn plan(
    genome: &Genome,
    library: &Library,
    gene: Option<FeatureIdx>,
    dragged: Option<(ContigId, Span)>,
    form: &Form,
    diploid: bool,
) -> Result<Planned, String> {
    let need_gene =
        || gene.ok_or_else(|| "select a gene first (search, or click the map)".to_owned());
    let mut out = match form.kind {
        Kind::CTag | Kind::NTag => {
            let terminus = if form.kind == Kind::CTag {
                Terminus::C
            } else {
                Terminus::N
            };
            let c = library
                .get(&form.tag)
                .ok_or_else(|| format!("no cassette named '{}' in the library", form.tag))?;
            let (plan, fused) =
                plan_tag(genome, need_gene()?, c, terminus).map_err(|e| e.to_string())?;
            Planned {
                plan,
                details: vec![
                    format!(
                        "Fused protein: {} aa.",
                        thousands(fused.protein.len() as u64)
                    ),
                    format!("Junction: {}", fused.junction),
                ],
            }
        }
        Kind::Point => {
            let change = parse_change(&form.change).map_err(|e| e.to_string())?;
            let (plan, codons) =
                plan_point_mutation(genome, need_gene()?, &change).map_err(|e| e.to_string())?;
            Planned {
                plan,
                details: codons.iter().map(|c| format!("{c}.")).collect(),
            }
        }
        Kind::Promoter => {
            let p = promoter_by_name(genome, library, &form.promoter).map_err(|e| e.to_string())?;
            let upstream = match (form.upstream_choice, form.upstream.trim()) {
                (UpstreamChoice::ToPreviousFeature, _) => Upstream::ToPreviousFeature,
                (UpstreamChoice::Length, "") => Upstream::Bases(DEFAULT_UPSTREAM),
                (UpstreamChoice::Length, t) => Upstream::Bases(
                    t.replace([',', '_'], "")
                        .parse()
                        .map_err(|_| format!("“{t}” is not a number of bases"))?,
                ),
            };
            let (plan, j) = plan_promoter_swap(genome, need_gene()?, &p, upstream)
                .map_err(|e| e.to_string())?;
            let details = vec![
                format!("Replaces {}.", j.replaced),
                format!(
                    "p{}: {} bp from {}.",
                    p.name,
                    thousands(p.sequence.len() as u64),
                    p.source
                ),
                format!("Upstream junction: {}", j.upstream),
                format!("Start junction: {}", j.start),
            ];
            Planned { plan, details }
        }
        Kind::Region => {
            let (contig, span) = if form.locus.trim().is_empty() {
                dragged.ok_or_else(|| {
                    "type a region (IV:100,001-101,000) or shift-drag across the map".to_owned()
                })?
            } else {
                crate::view::viewport::parse_region(genome, &form.locus)
                    .map_err(|e| e.to_string())?
            };
            let plan = plan_region_deletion(genome, contig, span).map_err(|e| e.to_string())?;
            // Every gene it reaches, with the end and the codons it takes (TRM8's 3′ end, its
            // stop codon with it), never only a length.
            let mut details = vec![format!("Removes {} bp.", thousands(span.len()))];
            details.extend(
                crate::core::genetics::region::region_gene_effects(genome, contig, span)
                    .into_iter()
                    .map(|e| {
                        let mut c = e.chars();
                        c.next().map_or(e.clone(), |f| {
                            format!("{}{}.", f.to_uppercase(), c.as_str())
                        })
                    }),
            );
            Planned { plan, details }
        }
    };
    if diploid {
        out.plan.perturbation.zygosity = form.zygosity;
        out.details.push(zygosity_note(form.zygosity).to_owned());
    }
    // What the plan does besides what it names, never left unsaid and always last: a promoter
    // swap reaching a neighbour (its 3′ UTR and terminator, its promoter), an N-terminal tag
    // before a likely signal peptide.
    let warnings: Vec<String> = out
        .plan
        .warnings
        .iter()
        .map(|w| format!("{WARNING}{w}."))
        .collect();
    out.details.extend(warnings);
    Ok(out)
}

/// What an edit's zygosity in a diploid means for the exports, in one line.
pub fn zygosity_note(zygosity: Zygosity) -> &'static str {
    match zygosity {
        Zygosity::Homozygous => "Homozygous: on both copies, applied to the edited sequence.",
        _ => {
            "Heterozygous: on one copy — recorded in the spec, not applied to the single edited sequence."
        }
    }
}

/// The reference region a drag across the map's track selects: `from` and `to` are the drag's
/// ends as fractions of the track's width (either order, clamped to the window). `None` for a
/// drag that covers no base.
pub fn dragged_region(view: &Viewport, from: f64, to: f64) -> Option<(ContigId, Span)> {
    let (a, b) = if from <= to { (from, to) } else { (to, from) };
    let w = view.span.len() as f64;
    let at = |f: f64| view.span.start().get() + (f.clamp(0.0, 1.0) * w).round() as u64;
    let (s, e) = (at(a), at(b).min(view.span.end().get()));
    (e > s).then(|| (view.contig, Span::from_raw(s, e)))
}
