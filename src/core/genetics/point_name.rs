//! A point mutation's designation, written and read back: the gene in lower case (a mutant
//! allele), a hyphen and the change — by amino acid `gal4-K23A` (residues 1-based from the start
//! Met), or by coding bases in HGVS `c.` form with what they do to the protein, `pho5-c.70A>G(K24E)`
//! or `pho5-c.67_69delinsGCT(K23A)` (coding bases 1-based from the A of the ATG; `K24=` for a
//! synonymous change, `K24*` for a stop, `M1?` for a changed initiation codon — HGVS's `p.Met1?`:
//! an amino-acid change of residue 1, `M1I`, makes no Ile1 protein and is written by its bases,
//! `cdc28-c.3G>T(M1?)`). [`parse_point_designation`] reads exactly what
//! [`point_designation`] writes, and the change syntax the composer takes ([`parse_change`]:
//! also `Lys23Ala` and `K23A:GCC` with a chosen codon).
//!
//! What the string cannot say: which codon an amino-acid change used. Yeast nomenclature writes
//! the residue, not the codon, so `gal4-K23A` read back assumes the most frequent yeast codon for
//! the new residue ([`crate::core::genetics::codons`]) and [`PointName::assumed`] says so.

use crate::core::genetics::codons::{most_frequent, one_letter};
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::seq::GeneticCode;

/// A change to a coding sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Residue `pos` (1-based) from `from` to `to`, with `codon` or the most frequent one.
    AminoAcid {
        /// The reference residue (checked).
        from: char,
        /// 1-based residue number.
        pos: u64,
        /// The new residue (`*` for a stop).
        to: char,
        /// The codon to use; `None` = the most frequent yeast codon for `to`.
        codon: Option<String>,
    },
    /// Coding bases from `pos` (1-based, A of ATG = 1) replaced by `to` (same length).
    Bases {
        /// 1-based first coding base.
        pos: u64,
        /// The reference bases, when written (checked).
        from: Option<String>,
        /// The new bases.
        to: String,
    },
}

fn syntax(text: &str) -> Refusal {
    Refusal::Syntax {
        text: text.to_owned(),
        expected: "a change such as K23A, Lys23Ala, K23A:GCC, c.69A>G or c.67_69delinsGCT",
    }
}

fn bases(s: &str) -> Option<String> {
    let u = s.trim().to_ascii_uppercase();
    (!u.is_empty() && u.bytes().all(|b| matches!(b, b'A' | b'C' | b'G' | b'T'))).then_some(u)
}

/// Reads a change (see the module's syntax).
pub fn parse_change(text: &str) -> Result<Change, Refusal> {
    let t = text.trim();
    if let Some(c) = t.strip_prefix("c.") {
        // `c.70A>G(K24E)`: the protein consequence as written by bases_change_with_consequence,
        // which is derived from the sequence again, not taken from the text.
        let c = match c.split_once('(') {
            Some((bases, rest)) if rest.ends_with(')') => bases,
            _ => c,
        };
        if let Some((range, seq)) = c.split_once("delins") {
            let (a, b) = range.split_once('_').unwrap_or((range, range));
            let (a, b): (u64, u64) = (
                a.parse().map_err(|_| syntax(t))?,
                b.parse().map_err(|_| syntax(t))?,
            );
            let to = bases(seq).ok_or_else(|| syntax(t))?;
            if b < a || (b - a + 1) != to.len() as u64 {
                return Err(Refusal::Syntax {
                    text: t.to_owned(),
                    expected: "a substitution of as many bases as it replaces (insertions and deletions are region edits)",
                });
            }
            return Ok(Change::Bases {
                pos: a,
                from: None,
                to,
            });
        }
        let (head, to) = c.split_once('>').ok_or_else(|| syntax(t))?;
        let digits = head.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        let from = bases(&head[digits.len()..]).ok_or_else(|| syntax(t))?;
        let to = bases(to).ok_or_else(|| syntax(t))?;
        if from.len() != to.len() {
            return Err(syntax(t));
        }
        return Ok(Change::Bases {
            pos: digits.parse().map_err(|_| syntax(t))?,
            from: Some(from),
            to,
        });
    }
    let (change, codon) = match t.split_once(':') {
        Some((c, cod)) => (
            c,
            Some(
                bases(cod)
                    .filter(|b| b.len() == 3)
                    .ok_or_else(|| syntax(t))?,
            ),
        ),
        None => (t, None),
    };
    let first_digit = change
        .find(|c: char| c.is_ascii_digit())
        .ok_or_else(|| syntax(t))?;
    let after_digits = change[first_digit..]
        .find(|c: char| !c.is_ascii_digit())
        .map(|i| i + first_digit)
        .ok_or_else(|| syntax(t))?;
    let residue = |s: &str| -> Option<char> {
        match s.len() {
            1 => s
                .chars()
                .next()
                .map(|c| c.to_ascii_uppercase())
                .filter(|c| most_frequent(*c).is_some()),
            3 => one_letter(s),
            _ => None,
        }
    };
    let from = residue(&change[..first_digit]).ok_or_else(|| syntax(t))?;
    let to = residue(&change[after_digits..]).ok_or_else(|| syntax(t))?;
    Ok(Change::AminoAcid {
        from,
        pos: change[first_digit..after_digits]
            .parse()
            .map_err(|_| syntax(t))?,
        to,
        codon,
    })
}

/// `K23A`: the reference residue, its number (1-based) and the new residue.
pub fn aa_change_text(from: char, pos: u64, to: char) -> String {
    format!("{from}{pos}{to}")
}

/// `c.69A>G` for one base (`found` the reference base), `c.67_69delinsGCT` for several (coding
/// bases 1-based).
pub fn bases_change_text(pos: u64, found: &str, to: &str) -> String {
    if to.len() == 1 {
        format!("c.{pos}{found}>{to}")
    } else {
        format!("c.{pos}_{}delins{to}", pos + to.len() as u64 - 1)
    }
}

/// One codon before and after a change of coding bases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodonChange {
    /// 1-based residue number.
    pub residue: u64,
    /// Reference codon and residue.
    pub from: (String, char),
    /// New codon and residue.
    pub to: (String, char),
}

impl std::fmt::Display for CodonChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "codon {}: {} ({}) → {} ({})",
            self.residue, self.from.0, self.from.1, self.to.0, self.to.1
        )
    }
}

/// The codons whose bases change when `new` is put at 0-based offset `at` of `coding` (the
/// gene's coding sequence, A of the ATG at 0), in order, read in the gene's frame with its
/// `code` ([`crate::core::genetics::orf::Orf::code`]). Empty when
/// `new` is empty or runs past the end of `coding`.
pub fn codon_changes(code: GeneticCode, coding: &[u8], at: u64, new: &[u8]) -> Vec<CodonChange> {
    let (a, b) = (at as usize, at as usize + new.len());
    if new.is_empty() || b > coding.len() {
        return Vec::new();
    }
    let mut mutated = coding.to_vec();
    mutated[a..b].copy_from_slice(new);
    let codon = |c: &[u8]| {
        (
            String::from_utf8_lossy(c).into_owned(),
            code.translate(c).chars().next().unwrap_or('X'),
        )
    };
    (a / 3..=(b - 1) / 3)
        .filter_map(|c| {
            let r = c * 3..c * 3 + 3;
            let (was, now) = (coding.get(r.clone())?, mutated.get(r)?);
            (was != now).then(|| CodonChange {
                residue: c as u64 + 1,
                from: codon(was),
                to: codon(now),
            })
        })
        .collect()
}

/// `M1?`: the protein consequence of a change of the initiation codon that does not keep its
/// residue, as HGVS writes it (`p.Met1?`): no protein starting with another residue is made, and
/// which protein is made, if any, is unknown (`from` the reference's first residue).
pub fn start_lost_text(from: char) -> String {
    format!("{from}1?")
}

/// What a change of coding bases does to the protein, codon by codon ([`codon_changes`]), in
/// the one-letter form of [`aa_change_text`]: `K24E` (missense), `K24=` (synonymous, HGVS's
/// `=`), `K24*` (nonsense), several joined by commas (`K24E,L25=`). A change of the initiation
/// codon's residue is `M1?` alone ([`start_lost_text`]): what follows is not translated from
/// there. Arguments as for [`codon_changes`]. Empty when no whole codon's bases change.
pub fn protein_consequence(code: GeneticCode, coding: &[u8], at: u64, new: &[u8]) -> String {
    let changes = codon_changes(code, coding, at, new);
    if let Some(c) = changes
        .iter()
        .find(|c| c.residue == 1 && c.from.1 != c.to.1)
    {
        return start_lost_text(c.from.1);
    }
    changes
        .iter()
        .map(|c| {
            let (from, to) = (c.from.1, c.to.1);
            if from == to {
                format!("{from}{}=", c.residue)
            } else {
                aa_change_text(from, c.residue, to)
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A change of coding bases with its consequence for the protein: `c.70A>G(K24E)`, `c.72A>G(K24=)`
/// ([`bases_change_text`], then [`protein_consequence`] in parentheses when a whole codon is
/// touched). A genotype string written this way says both what was made and what it does; the
/// parenthesis is read back as a comment ([`parse_change`] recomputes it from the sequence).
pub fn bases_change_with_consequence(
    code: GeneticCode,
    coding: &[u8],
    at: u64,
    found: &str,
    to: &str,
) -> String {
    let text = bases_change_text(at + 1, found, to);
    match protein_consequence(code, coding, at, to.as_bytes()) {
        p if p.is_empty() => text,
        p => format!("{text}({p})"),
    }
}

/// A substitution of the bases `old` by `new` (same length) at 0-based coding offset `at`, named
/// by its differing bases only (the identical bases at either end left out, as HGVS does:
/// `ATG` → `ATT` is `c.3G>T`) with its consequence ([`bases_change_with_consequence`]). What an
/// amino-acid change of the initiation codon is named by: `M1I` makes no Ile1 protein, so its
/// designation says the bases made and `M1?` (`cdc28-c.3G>T(M1?)`).
pub fn differing_bases_change(code: GeneticCode, coding: &[u8], at: u64, new: &[u8]) -> String {
    let Some(old) = coding.get(at as usize..at as usize + new.len()) else {
        return bases_change_text(at + 1, "", &String::from_utf8_lossy(new));
    };
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (head, new.len() - tail);
    if a >= b {
        // Nothing differs: named as written.
        return bases_change_text(
            at + 1,
            &String::from_utf8_lossy(old),
            &String::from_utf8_lossy(new),
        );
    }
    bases_change_with_consequence(
        code,
        coding,
        at + a as u64,
        &String::from_utf8_lossy(&old[a..b]),
        &String::from_utf8_lossy(&new[a..b]),
    )
}

/// `gal4-K23A`: the gene's name in lower case, a hyphen, the change as written by
/// [`aa_change_text`] or [`bases_change_text`].
pub fn point_designation(gene: &str, change: &str) -> String {
    format!("{}-{change}", gene.to_lowercase())
}

/// A point mutation's designation read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointName {
    /// The gene's systematic name.
    pub systematic: String,
    /// The gene's standard name (its systematic name when it has none).
    pub standard: String,
    /// The change.
    pub change: Change,
    /// The designation, normalised (the gene's standard name in lower case).
    pub designation: String,
    /// What the string did not say and was assumed (the codon of an amino-acid change).
    pub assumed: Option<String>,
}

/// Why a token shaped like a point mutation (`gene-change`, the gene in lower case) is not one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PointNameError {
    /// The change after the hyphen is not one genoforge reads.
    #[error("'{token}': {why}")]
    Change {
        /// The whole token.
        token: String,
        /// Why the change is refused.
        why: Refusal,
    },
}

/// Reads `gene-change`: `Ok(None)` when the part before the first hyphen names no gene, or names
/// one in capitals (a tag, `PHO5-GFP(S65T)`) and the rest is no change. A gene in lower case (a
/// mutant allele, as [`point_designation`] writes it) with a change that does not parse is an
/// error, never read as something else.
pub fn parse_point_designation(
    genome: &Genome,
    token: &str,
) -> Result<Option<PointName>, PointNameError> {
    let Some((gene, text)) = token.split_once('-') else {
        return Ok(None);
    };
    let Ok(f) = crate::core::edit::helpers::resolve_gene(genome, gene) else {
        return Ok(None);
    };
    let change = match parse_change(text) {
        Ok(c) => c,
        Err(_) if gene.chars().any(|c| c.is_ascii_uppercase()) => return Ok(None),
        Err(why) => {
            return Err(PointNameError::Change {
                token: token.to_owned(),
                why,
            });
        }
    };
    let (systematic, standard) = genome.gene_names(f);
    let assumed = match &change {
        Change::AminoAcid {
            to, codon: None, ..
        } => Some(format!(
            "codon: the most frequent yeast codon for {to} ({}); a genotype string names the residue, not a codon chosen by hand",
            most_frequent(*to).unwrap_or("?")
        )),
        _ => None,
    };
    Ok(Some(PointName {
        designation: point_designation(
            &standard,
            &match &change {
                // The initiation codon changed: named by its bases, as a plan names it.
                Change::AminoAcid {
                    from,
                    pos: 1,
                    to,
                    codon,
                } if from != to => crate::core::genetics::orf::Orf::of(genome, f)
                    .ok()
                    .and_then(|orf| {
                        let cod = codon.as_deref().or(most_frequent(*to))?;
                        Some(differing_bases_change(
                            orf.code,
                            &orf.coding,
                            0,
                            cod.as_bytes(),
                        ))
                    })
                    .unwrap_or_else(|| aa_change_text(*from, 1, *to)),
                Change::AminoAcid { from, pos, to, .. } => aa_change_text(*from, *pos, *to),
                // Normalised with its protein consequence, as a plan names it.
                Change::Bases { pos, to, .. } => crate::core::genetics::orf::Orf::of(genome, f)
                    .ok()
                    .and_then(|orf| {
                        let at = pos.checked_sub(1)?;
                        let found = orf
                            .coding
                            .get(at as usize..at as usize + to.len())
                            .map(|b| String::from_utf8_lossy(b).into_owned())?;
                        Some(bases_change_with_consequence(
                            orf.code,
                            &orf.coding,
                            at,
                            &found,
                            to,
                        ))
                    })
                    .unwrap_or_else(|| text.trim().to_owned()),
            },
        ),
        systematic,
        standard,
        change,
        assumed,
    }))
}

/// The designation of a plain edit (an edits file's `replace`, no perturbation naming it) that
/// substitutes coding bases of a gene one for one: `pho5-c.70A>G(K24E)` for one base,
/// `pho5-c.70_72delinsGCT(K24A)` for several, with the protein consequence — the gene's standard name in lower case, coding bases
/// 1-based from the A of the ATG, read in the gene's orientation, as [`point_designation`]
/// writes a point mutation given by coding position. `None` when the edit is not an
/// equal-length replacement, or its bases are not all in one gene's CDS (consecutive coding
/// bases); the first such gene in genome order names it.
pub fn substitution_designation(genome: &Genome, edit: &crate::core::edit::Edit) -> Option<String> {
    use crate::core::coord::Pos;
    if edit.span.is_empty() || edit.span.len() != edit.sequence.len() as u64 {
        return None;
    }
    let mut genes: Vec<_> = genome
        .overlapping(edit.contig, edit.span)
        .into_iter()
        .filter(|&f| genome.feature(f).kind.is_gene_like() && genome.feature(f).parents.is_empty())
        .collect();
    crate::core::sort::sort_by_key(&mut genes, |&g| (genome.feature(g).span.start(), g));
    genes.dedup();
    genes.into_iter().find_map(|g| {
        let orf = crate::core::genetics::orf::Orf::of(genome, g).ok()?;
        let (s, e) = (edit.span.start().get(), edit.span.end().get());
        let offsets: Vec<u64> = (s..e)
            .map(|p| orf.coding_offset(Pos(p)))
            .collect::<Option<_>>()?;
        let first = *offsets.iter().min()?;
        let last = *offsets.iter().max()?;
        if last - first + 1 != offsets.len() as u64 {
            return None;
        }
        let found =
            String::from_utf8_lossy(orf.coding.get(first as usize..=last as usize)?).into_owned();
        let to = if orf.is_reverse() {
            crate::core::seq::revcomp(&edit.sequence)
        } else {
            edit.sequence.to_vec()
        };
        let to = String::from_utf8_lossy(&to).to_ascii_uppercase();
        (found != to).then(|| {
            point_designation(
                orf.name(),
                &bases_change_with_consequence(orf.code, &orf.coding, first, &found, &to),
            )
        })
    })
}
