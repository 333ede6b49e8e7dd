//! Specs written before MATa was modelled as it is now: genoforge then made MATa with ONE edit
//! (Yα at MAT replaced by HMR's Ya, a1 annotated inside it, MATα1/α2 left as trimmed fragments,
//! a2 not annotated); since, MATa is two edits — the same Y swap, annotated with MATA1 and
//! superseding MATα1/α2, and a2 annotated as MATA2 by an identity replacement of its X bases
//! ([`crate::core::genetics::mating`]). Reading such a spec upgrades it when that changes no base:
//! its one edit replaces exactly today's Yα by exactly today's Ya — or, as genoforge wrote it
//! before Y was located to the literature's 747/642 bp, Yα and the next bases of Z1 by Ya and the
//! same number of HMR's Z1 bases (758/653 bp: 11 more), kept as written and said. Otherwise the
//! old edit is kept as written. Either way a warning says which (nothing changes silently).

use crate::core::coord::thousands;
use crate::core::design::NewEdit;
use crate::core::design::genotype::Background;
use crate::core::edit::EditId;
use crate::core::genetics::mating::mata_edits;
use crate::core::genome::Genome;

/// What reading a spec does to its MATa allele.
#[derive(Debug)]
pub enum MataUpgrade {
    /// Nothing to do: no MATa allele, or one already in today's shape (or recorded, not applied).
    Current,
    /// An older single-edit MATa kept as written, with the warning saying why.
    Kept(String),
    /// The upgrade: the edits to restore instead, the allele's new edit ids and lesion, and the
    /// warning saying what changed.
    Upgraded {
        /// Every edit of the spec, the MATa edit replaced and the new ones appended.
        edits: Vec<NewEdit>,
        /// The MATa allele's edit ids now.
        edit_ids: Vec<EditId>,
        /// Its lesion, in today's words.
        lesion: String,
        /// What was done, for the user.
        warning: String,
    },
}

/// Looks at the MATa allele of `background` (locus `MAT`) and the spec's edits `new`: an allele
/// realised by one edit where today's model has more is upgraded when that edit's span and bases
/// equal today's Y swap, kept otherwise.
pub fn upgrade_single_edit_mata(
    genome: &Genome,
    background: Option<&Background>,
    new: &[NewEdit],
) -> MataUpgrade {
    let Some(allele) = background
        .into_iter()
        .flat_map(|b| &b.alleles)
        .find(|a| a.locus == "MAT" && a.name == "MATa")
    else {
        return MataUpgrade::Current;
    };
    let [old_id] = allele.edit_ids[..] else {
        return MataUpgrade::Current;
    };
    let Some(old) = new.iter().find(|e| e.id == Some(old_id)) else {
        return MataUpgrade::Current;
    };
    let place = {
        let (s, e) = old.request.span.one_based();
        format!(
            "{}:{}–{}",
            genome.contig(old.request.contig).name,
            thousands(s),
            thousands(e)
        )
    };
    let (today, lesion) = match mata_edits(genome) {
        Ok(t) => t,
        Err(why) => {
            return MataUpgrade::Kept(format!(
                "MATa in this spec is one edit ({place}) made by an older genoforge; kept as written, since MAT cannot be modelled on this genome now ({why})"
            ));
        }
    };
    if today.len() <= 1 {
        return MataUpgrade::Current;
    }
    let y = &today[0];
    let same_bases = y.contig == old.request.contig
        && y.span == old.request.span
        && y.sequence.eq_ignore_ascii_case(&old.request.sequence);
    // Older genoforge took Y up to the exact shared runs, 11 bp into Z1 (758 and 653 bp): its edit
    // also copied HMR's Z1 up to and including the base where it differs from MAT's. Upgraded
    // keeping those bases, said in the warning.
    let beyond = (!same_bases)
        .then(|| longer_y(genome, y, &old.request))
        .flatten();
    if !same_bases && beyond.is_none() {
        return MataUpgrade::Kept(format!(
            "MATa in this spec is one edit ({place}, {} bp in) made by an older genoforge, which differs in its bases from today's model (Yα {} replaced by HMR's Ya, then a2 annotated); kept as written — choose the background again to model MATa as now",
            thousands(old.request.sequence.len() as u64),
            {
                let (s, e) = y.span.one_based();
                format!(
                    "{}:{}–{}",
                    genome.contig(y.contig).name,
                    thousands(s),
                    thousands(e)
                )
            }
        ));
    }
    let mut next = new
        .iter()
        .filter_map(|e| e.id)
        .map(|id| id.0)
        .max()
        .map_or(0, |m| m + 1);
    let mut edits: Vec<NewEdit> = new.to_vec();
    let mut edit_ids = vec![old_id];
    let mut added = Vec::new();
    for (k, mut request) in today.into_iter().enumerate() {
        if k == 0 {
            if beyond.is_some() {
                request.span = old.request.span;
                request.sequence = old.request.sequence.clone();
            }
            if let Some(e) = edits.iter_mut().find(|e| e.id == Some(old_id)) {
                e.request = request;
            }
            continue;
        }
        let id = EditId(next);
        next += 1;
        added.push(format!(
            "edit {} ({})",
            id.cited(),
            request.label.as_deref().unwrap_or("MATa")
        ));
        edit_ids.push(id);
        edits.push(NewEdit {
            id: Some(id),
            request,
            enabled: old.enabled,
        });
    }
    MataUpgrade::Upgraded {
        edits,
        edit_ids,
        lesion,
        warning: format!(
            "MATa in this spec is one edit ({place}) made by an older genoforge; upgraded to today's model with the same bases: edit {old_id} now annotates MATA1 and supersedes MATα1/α2, and {} annotates a2 (no base changes){}. Export the spec again to keep the upgrade",
            added.join(", "),
            beyond.map_or(String::new(), |b| format!(
                "; its Y swap keeps its {b} bp beyond today's Y, HMR's first Z1 bases copied to MAT (today's model keeps MAT's own Z1 where HMR's differs)"
            ))
        ),
    }
}

/// When `old` replaces today's Yα and `b` more bases after it by today's Ya and the `b` bases
/// that follow Ya at HMR (an older, longer Y), `b`; else `None`.
fn longer_y(
    genome: &Genome,
    y: &crate::core::edit::EditRequest,
    old: &crate::core::edit::EditRequest,
) -> Option<u64> {
    let b = old.span.len().checked_sub(y.span.len())?;
    if b == 0
        || old.contig != y.contig
        || old.span.start() != y.span.start()
        || old.sequence.len() as u64 != y.sequence.len() as u64 + b
        || !old.sequence[..y.sequence.len()].eq_ignore_ascii_case(&y.sequence)
    {
        return None;
    }
    // The donor: where today's Ya is at HMR (a window of the contig equal to it).
    let hmr = crate::core::genetics::mating::locate(genome).ok()?.donor;
    let after = genome.sequence(
        y.contig,
        crate::core::coord::Span::from_raw(hmr.end().get(), hmr.end().get() + b),
    )?;
    old.sequence[y.sequence.len()..]
        .eq_ignore_ascii_case(after)
        .then_some(b)
}
