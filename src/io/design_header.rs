//! What an edited genome's exports say about the design that made them: the GFF3 header lines
//! (that the annotation was edited, by which design — name and checksum — and its genotype) and
//! the FASTA description of each edited contig (the design's strain and genotype in place of the
//! reference's `[strain=S288C]`), and what of the genotype the one sequence does not carry (a
//! diploid's heterozygous alleles and edits).

use crate::core::design::Design;
use crate::core::genetics::nomenclature;
use crate::core::genome::Genome;
use crate::core::spec::genotype_spec::design_md5;

/// The comment and `#!` lines a GFF3 of `design` starts with (after `##gff-version`): what was
/// edited, `#!genoforge-design`, `-design-md5`, `-genotype` and, when some of the genotype is
/// recorded but not in the one sequence, `#!genoforge-not-in-sequence`, and for each sequence the
/// design changes whose FASTA header names an accession, `#!genoforge-derived-from SEQID
/// ACCESSION` (the seqid stays the record's name; see [`fasta_description`]); none for an empty design,
/// whose annotation is the reference's.
pub fn gff3_lines(genome: &Genome, design: &Design) -> Vec<String> {
    if design.is_empty() {
        return Vec::new();
    }
    let g = design.genotype();
    let genotype = nomenclature::format(&design.genotype_in_effect());
    let md5 = design_md5(genome, design);
    let name = g.display_name();
    let mut lines = vec![
        format!(
            "# Edited annotation: the reference's features lifted through the {} edit(s) of design \"{name}\" by genoforge {}. Lines an edit changed carry edit_status, edit and (CDS, transcript) valid_ORF; inserted features have source genoforge.",
            design
                .edits()
                .iter()
                .filter(|e| design.is_enabled(e.id))
                .count(),
            env!("CARGO_PKG_VERSION")
        ),
        format!("#!genoforge-design {name}"),
        format!("#!genoforge-design-md5 {md5}"),
        format!(
            "#!genoforge-genotype {}",
            if genotype.is_empty() {
                "(no gene-level perturbation recorded)"
            } else {
                genotype.as_str()
            }
        ),
    ];
    let missing = not_in_sequence(design);
    if !missing.is_empty() {
        lines.push(format!("#!genoforge-not-in-sequence {missing}"));
    }
    for (i, c) in genome.contigs().iter().enumerate() {
        let id = crate::core::genome::contig::ContigId(i as u32);
        if let Some(acc) = c
            .fasta_header
            .as_deref()
            .filter(|_| changes_contig(design, id))
            .and_then(|h| reference_accession(fasta_id_dropped(h, &c.name)))
        {
            lines.push(format!("#!genoforge-derived-from {} {acc}", c.name));
        }
    }
    lines
}

/// A FASTA header as written after the record's name: the header without its first word when
/// that word is the name itself.
fn fasta_id_dropped<'a>(header: &'a str, name: &str) -> &'a str {
    match header.split_once(char::is_whitespace) {
        Some((id, rest)) if id == name => rest.trim_start(),
        None if header == name => "",
        _ => header,
    }
}

/// An input GFF3 directive or comment line as an edited annotation writes it: Ensembl's
/// `#!genome-build-accession GCA_000146045.2` becomes `#!genoforge-derived-from-build-accession
/// GCA_000146045.2` once the design changes any sequence (the edited genome is not that
/// assembly), as changed sequences' FASTA records say `[derived_from=…]` and the header
/// `#!genoforge-derived-from SEQID ACCESSION`; `#!genome-build SGD R64-1-1` keeps the build it
/// was derived from and says it was edited: `#!genome-build SGD R64-1-1 (edited: DESIGN NAME)`.
/// Every other line is kept as it is.
pub fn gff3_directive<'a>(raw: &'a str, design: &Design) -> std::borrow::Cow<'a, str> {
    if design.enabled().next().is_none() {
        return raw.into();
    }
    if let Some(rest) = raw.strip_prefix("#!genome-build-accession") {
        return format!("#!genoforge-derived-from-build-accession{rest}").into();
    }
    match raw.strip_prefix("#!genome-build") {
        Some(rest) if rest.starts_with(char::is_whitespace) => format!(
            "{} (edited: {})",
            raw.trim_end(),
            one_line(&design.genotype().display_name())
        )
        .into(),
        _ => raw.into(),
    }
}

/// A name on one header line: control characters as spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The genotype's alleles and perturbations the one edited sequence does not carry — background
/// alleles as the genotype string writes them, perturbations by their designation
/// (`MATa/α LYS2/lys2Δ0 met15Δ0/MET15 tfc3Δ::kanMX4` for BY4743 with a heterozygous deletion): those none of whose edits is enabled — heterozygous
/// ones (recorded, not applied: the sequence is the copy without them), MATa where MAT could not
/// be modelled. A perturbation whose edit the user disabled is not the strain's
/// ([`Design::in_effect`]) and is not listed. Empty when the sequence carries the whole genotype.
fn not_in_sequence(design: &Design) -> String {
    let g = design.genotype();
    let absent = |ids: &[crate::core::edit::EditId]| !ids.iter().any(|&id| design.is_enabled(id));
    let mut out: Vec<String> = Vec::new();
    if let Some(b) = &g.background {
        for a in b.alleles.iter().filter(|a| absent(&a.edit_ids)) {
            out.push(if a.locus == "MAT" {
                b.mating_type.genotype_token().to_owned()
            } else {
                nomenclature::allele_token(&a.name, b.ploidy, a.zygosity, a.copy)
            });
        }
    }
    // A perturbation by its designation: the copy it is on is the one not written, and its
    // genotype token may name the other copy's alleles (`gal4-K17A,S22A/gal4-S22A`).
    out.extend(
        (g.perturbations.iter())
            .filter(|p| absent(&p.edit_ids) && design.in_effect(p))
            .map(|p| p.designation.clone()),
    );
    out.join(" ")
}

/// The accession a FASTA header's id gives its sequence: `NC_001133` of `ref|NC_001133|` (the
/// field after an NCBI database tag — `ref`, `gb`, `emb`, `dbj` — else the last non-empty
/// `|`-field), or an id that looks like an accession (`NC_001133.9`: a letter first, letters,
/// digits, `_` and `.`, at least one digit and one `_` or `.`). `None` for a header whose first
/// word is a bracketed tag or no accession. `header` is the description as written after the
/// record's name (its first word the reference's id, when it has one).
pub fn reference_accession(header: &str) -> Option<&str> {
    let id = header.split_whitespace().next()?;
    if id.starts_with('[') {
        return None;
    }
    if id.contains('|') {
        let fields: Vec<&str> = id.split('|').collect();
        return fields
            .iter()
            .position(|f| matches!(*f, "ref" | "gb" | "emb" | "dbj"))
            .and_then(|i| fields.get(i + 1).copied())
            .filter(|f| !f.is_empty())
            .or_else(|| fields.iter().rev().copied().find(|f| !f.is_empty()));
    }
    let accession_like = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.'))
        && id.chars().any(|c| c.is_ascii_digit())
        && id.contains(['_', '.']);
    accession_like.then_some(id)
}

/// Whether `design` changes the sequence of `contig`: some enabled edit is on it (a disabled or
/// heterozygous edit leaves the written sequence the reference's).
pub fn changes_contig(design: &Design, contig: crate::core::genome::contig::ContigId) -> bool {
    design.enabled().any(|e| e.contig == contig)
}

/// A contig's FASTA description under `design`: the reference's header with `[strain=…]` naming
/// the design's strain, and `[genotype=…]` (the perturbations in effect,
/// [`Design::genotype_in_effect`]), `[not_in_sequence=…]` (when some of the genotype is recorded,
/// not applied), `[sequence=…]`, the accession and `[design=…]` added. Unchanged for an empty
/// design.
///
/// Every record of an edited genome has the same shape, changed or not: the reference's id
/// (`ref|NC_001133|`) is taken out of the description and written as an attribute, so no tool
/// takes an edited chromosome for the accession's — `[sequence=reference] [accession=NC_001133]`
/// on a sequence the design leaves as it is (`changed` false: still RefSeq's bases),
/// `[sequence=edited] [derived_from=NC_001135]` on a changed one. The record's name (the GFF3
/// seqid, [`changes_contig`]) is never renamed.
pub fn fasta_description(reference_header: &str, design: &Design, changed: bool) -> String {
    if design.is_empty() {
        return reference_header.to_owned();
    }
    let accession = reference_accession(reference_header).map(str::to_owned);
    let reference_header = match &accession {
        Some(_) => reference_header
            .trim_start()
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest),
        None => reference_header,
    };
    let g = design.genotype();
    let strain = g
        .background
        .as_ref()
        .map_or_else(|| "S288C-derived design".to_owned(), |b| b.name.clone());
    let genotype = nomenclature::format(&design.genotype_in_effect());
    let mut out = String::new();
    let mut replaced = false;
    let mut rest = reference_header;
    while let Some(i) = rest.find("[strain=") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(']').map_or(rest.len(), |j| i + j + 1);
        out.push_str(&format!("[strain={strain}]"));
        replaced = true;
        rest = &rest[end..];
    }
    out.push_str(rest);
    if !replaced {
        out.push_str(&format!(" [strain={strain}]"));
    }
    if !genotype.is_empty() {
        out.push_str(&format!(" [genotype={genotype}]"));
    }
    let missing = not_in_sequence(design);
    if !missing.is_empty() {
        out.push_str(&format!(" [not_in_sequence={missing}]"));
    }
    out.push_str(if changed {
        " [sequence=edited]"
    } else {
        " [sequence=reference]"
    });
    if let Some(acc) = accession {
        let key = if changed { "derived_from" } else { "accession" };
        out.push_str(&format!(" [{key}={acc}]"));
    }
    out.push_str(&format!(" [design={}]", g.display_name()));
    out.trim().to_owned()
}
