//! Gene-level operations on a design: each adds its edits and the perturbation they realise
//! together, or nothing at all.

use crate::core::design::Design;
use crate::core::design::genotype::{
    Background, BackgroundAllele, DiploidCopy, MatingType, Perturbation, PerturbationType, Zygosity,
};
use crate::core::edit::helpers::{
    Side, delete_gene as delete_request, insert_next_to_gene, replace_gene,
};
use crate::core::edit::{EditError, EditId, EditRequest, InsertedFeature};
use crate::core::genetics::cassette::Cassette;
pub use crate::core::genetics::collection_allele::deletion_extent_note;
use crate::core::genetics::nomenclature::deletion_designation;
use crate::core::genetics::strain::{StrainDef, allele, allele_edit};
use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::strand::Strand;

pub use crate::core::genetics::plan::Plan;

/// Adds a plan's edits and records its perturbation, all or nothing.
///
/// Copies: in a diploid background a plan left `haploid` becomes heterozygous (what a
/// transformation gives); a heterozygous perturbation's edits are added disabled — recorded in the
/// spec, not applied to the single edited sequence. Homozygous or heterozygous plans are refused in
/// a haploid design.
pub fn apply(genome: &Genome, design: &mut Design, plan: Plan) -> Result<Vec<EditId>, EditError> {
    let diploid = design
        .genotype()
        .background
        .as_ref()
        .is_some_and(|b| b.ploidy == 2);
    let zygosity = match (diploid, plan.perturbation.zygosity) {
        (true, Zygosity::Haploid) => Zygosity::Heterozygous,
        (false, Zygosity::Haploid) => Zygosity::Haploid,
        (true, z) => z,
        (false, z) => {
            return Err(EditError::Gene(format!(
                "{}: a {} edit needs a diploid background; this design is haploid",
                plan.perturbation.designation,
                if z == Zygosity::Homozygous {
                    "homozygous"
                } else {
                    "heterozygous"
                }
            )));
        }
    };
    // An edit already in the bases the plan's meaning depends on (a point mutation's codon).
    for (contig, span) in &plan.context {
        let touches = |e: &&crate::core::edit::Edit| {
            e.contig == *contig
                && (e.span.overlaps(span)
                    || (e.span.is_empty()
                        && span.start() < e.span.start()
                        && e.span.start() < span.end()))
        };
        if let Some(e) = design.edits().iter().find(touches) {
            let named = design
                .genotype()
                .designation_of(e.id)
                .map(str::to_owned)
                .or_else(|| e.label.clone())
                .unwrap_or_default();
            return Err(EditError::Gene(format!(
                "{}: edit {} ({named}) already changes {}:{}, in a codon this change names; undo it or write both changes as one",
                plan.perturbation.designation,
                e.id.cited(),
                genome.contig(*contig).name,
                span.start().get() + 1,
            )));
        }
    }
    let mut next = design.clone();
    let ids = next.add_all(genome, plan.requests).map_err(|(_, e)| e)?;
    if zygosity == Zygosity::Heterozygous {
        for &id in &ids {
            next.set_enabled(genome, id, false)?;
        }
    }
    next.genotype_mut().perturbations.push(Perturbation {
        edit_ids: ids.clone(),
        zygosity,
        ..plan.perturbation
    });
    *design = next;
    Ok(ids)
}

/// Plans deleting a gene (its full extent), cleanly or replaced by a cassette in the gene's orientation.
pub fn plan_delete_gene(genome: &Genome, gene: FeatureIdx, cassette: Option<&Cassette>) -> Plan {
    let (systematic, standard) = genome.gene_names(gene);
    let designation = deletion_designation(&standard, cassette.map(|c| c.name.as_str()));
    let req = match cassette {
        None => delete_request(genome, gene, Some(designation.clone())),
        Some(c) => replace_gene(
            genome,
            gene,
            c.sequence.as_bytes(),
            Some(c.feature(Some(format!("{}_{systematic}", c.name)), Strand::Forward)),
            Some(designation.clone()),
        ),
    };
    Plan {
        context: Vec::new(),
        warnings: Vec::new(),
        requests: vec![req],
        perturbation: Perturbation {
            genes: Vec::new(),
            perturbation_type: cassette.map_or(PerturbationType::Deletion, |c| {
                PerturbationType::for_replacement(&c.name)
            }),
            systematic_gene_name: systematic,
            perturbed_gene_name: standard,
            designation,
            edit_ids: Vec::new(),
            zygosity: Zygosity::Haploid,
        },
    }
}

/// Deletes a gene (see [`plan_delete_gene`]).
pub fn delete_gene(
    genome: &Genome,
    design: &mut Design,
    gene: FeatureIdx,
    cassette: Option<&Cassette>,
) -> Result<EditId, EditError> {
    apply(genome, design, plan_delete_gene(genome, gene, cassette)).map(|ids| ids[0])
}

/// Deletes several genes, all or none; on error, the index of the gene refused.
pub fn delete_genes(
    genome: &Genome,
    design: &mut Design,
    genes: &[FeatureIdx],
    cassette: Option<&Cassette>,
) -> Result<Vec<EditId>, (usize, EditError)> {
    let mut next = design.clone();
    let mut ids = Vec::with_capacity(genes.len());
    for (i, &g) in genes.iter().enumerate() {
        ids.push(delete_gene(genome, &mut next, g, cassette).map_err(|e| (i, e))?);
    }
    *design = next;
    Ok(ids)
}

/// Plans replacing a gene's sequence by `sequence` (read in the gene's orientation): a sequence
/// variant written `gene::name`.
pub fn plan_replace_gene_sequence(
    genome: &Genome,
    gene: FeatureIdx,
    name: &str,
    sequence: &[u8],
) -> Plan {
    let (systematic, standard) = genome.gene_names(gene);
    let designation = format!("{}::{name}", standard.to_lowercase());
    let feature = InsertedFeature {
        supersedes: Vec::new(),
        kind: FeatureKind::Other("sequence_variant".into()),
        id: Some(format!("{name}_{systematic}")),
        name: Some(name.to_owned()),
        strand: Strand::Forward,
        attributes: Vec::new(),
        children: Vec::new(),
        fusion: None,
    };
    Plan {
        context: Vec::new(),
        warnings: Vec::new(),
        requests: vec![replace_gene(
            genome,
            gene,
            sequence,
            Some(feature),
            Some(designation.clone()),
        )],
        perturbation: Perturbation {
            genes: Vec::new(),
            perturbation_type: PerturbationType::SequenceVariant,
            systematic_gene_name: systematic,
            perturbed_gene_name: standard,
            designation,
            edit_ids: Vec::new(),
            zygosity: Zygosity::Haploid,
        },
    }
}

/// Replaces a gene's sequence (see [`plan_replace_gene_sequence`]).
pub fn replace_gene_sequence(
    genome: &Genome,
    design: &mut Design,
    gene: FeatureIdx,
    name: &str,
    sequence: &[u8],
) -> Result<EditId, EditError> {
    apply(
        genome,
        design,
        plan_replace_gene_sequence(genome, gene, name, sequence),
    )
    .map(|ids| ids[0])
}

/// Plans an insertion (a gene, a cassette) named `name`; its designation is `name@contig:pos` with
/// `pos` the base it follows.
pub fn plan_insertion(genome: &Genome, mut req: EditRequest, name: &str) -> Plan {
    let contig = genome.contig(req.contig).name.to_string();
    let designation = format!("{name}@{contig}:{}", req.span.start().get());
    let id = req
        .feature
        .as_ref()
        .and_then(|f| f.id.clone())
        .unwrap_or_else(|| format!("{name}_{contig}_{}", req.span.start().get()));
    if let Some(f) = req.feature.as_mut() {
        f.id.get_or_insert_with(|| id.clone());
    }
    req.label.get_or_insert_with(|| designation.clone());
    Plan {
        context: Vec::new(),
        warnings: Vec::new(),
        requests: vec![req],
        perturbation: Perturbation {
            genes: Vec::new(),
            perturbation_type: PerturbationType::GeneAddition,
            systematic_gene_name: id,
            perturbed_gene_name: name.to_owned(),
            designation,
            edit_ids: Vec::new(),
            zygosity: Zygosity::Haploid,
        },
    }
}

/// Adds an insertion (see [`plan_insertion`]).
pub fn add_insertion(
    genome: &Genome,
    design: &mut Design,
    req: EditRequest,
    name: &str,
) -> Result<EditId, EditError> {
    apply(genome, design, plan_insertion(genome, req, name)).map(|ids| ids[0])
}

/// Plans inserting a cassette next to a gene (5′ or 3′, in the gene's orientation).
pub fn plan_cassette_next_to(
    genome: &Genome,
    gene: FeatureIdx,
    side: Side,
    cassette: &Cassette,
) -> Plan {
    let (systematic, _) = genome.gene_names(gene);
    let feature = cassette.feature(
        Some(format!(
            "{}_{}_{systematic}",
            cassette.name,
            side_word(side)
        )),
        Strand::Forward,
    );
    let req = insert_next_to_gene(
        genome,
        gene,
        side,
        cassette.sequence.as_bytes(),
        Some(feature),
        None,
    );
    plan_insertion(genome, req, &cassette.name)
}

/// Inserts a cassette next to a gene (see [`plan_cassette_next_to`]).
pub fn insert_cassette_next_to(
    genome: &Genome,
    design: &mut Design,
    gene: FeatureIdx,
    side: Side,
    cassette: &Cassette,
) -> Result<EditId, EditError> {
    apply(
        genome,
        design,
        plan_cassette_next_to(genome, gene, side, cassette),
    )
    .map(|ids| ids[0])
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Before => "before",
        Side::After => "after",
    }
}

/// Sets the strain background: removes the edits of the previous one, applies the new one's
/// alleles (those on every copy). All or nothing.
pub fn set_background(
    genome: &Genome,
    design: &mut Design,
    strain: &StrainDef,
) -> Result<(), EditError> {
    set_custom_background(
        genome,
        design,
        strain.name,
        strain.mating_type,
        strain.ploidy,
        strain.alleles,
    )
}

/// Sets a background given by its parts (a strain not in the table, or one read from a string).
pub fn set_custom_background(
    genome: &Genome,
    design: &mut Design,
    name: &str,
    mating_type: MatingType,
    ploidy: u8,
    allele_names: &[(&str, Zygosity, Option<DiploidCopy>)],
) -> Result<(), EditError> {
    let mut next = design.clone();
    if let Some(old) = next.genotype().background.clone() {
        for a in &old.alleles {
            for &id in &a.edit_ids {
                next.remove(id)?;
            }
        }
    }
    let mut alleles = Vec::new();
    for &(allele_name, zygosity, copy) in allele_names {
        let def = allele(allele_name)
            .ok_or_else(|| EditError::Gene(format!("unknown allele {allele_name}")))?;
        let (req, lesion) = allele_edit(genome, def)?;
        let edit_ids = if zygosity == Zygosity::Heterozygous {
            Vec::new()
        } else {
            vec![next.add(genome, req)?]
        };
        alleles.push(BackgroundAllele {
            name: def.name.to_owned(),
            systematic_gene_name: def.gene.to_owned(),
            locus: def.locus.to_owned(),
            zygosity,
            copy: copy.filter(|_| zygosity == Zygosity::Heterozygous),
            edit_ids,
            lesion,
        });
    }
    if let Some(a) = mating_allele(genome, &mut next, mating_type)? {
        alleles.insert(0, a);
    }
    next.genotype_mut().background = Some(Background {
        name: name.to_owned(),
        mating_type,
        ploidy,
        alleles,
    });
    *design = next;
    Ok(())
}

/// The mating-type allele a background needs at MAT: for MATa, the Yα → Ya swap
/// ([`crate::core::genetics::mating`]) applied; in a MATa/α diploid, MATa recorded on one copy
/// and not applied (the single sequence keeps the reference's MATα). When MAT or HMR cannot be
/// located in this genome, MATa is recorded with the reason and not applied — never silently.
fn mating_allele(
    genome: &Genome,
    design: &mut Design,
    mating_type: MatingType,
) -> Result<Option<BackgroundAllele>, EditError> {
    let zygosity = match mating_type {
        MatingType::Alpha => return Ok(None),
        MatingType::A => Zygosity::Haploid,
        MatingType::AAlpha => Zygosity::Heterozygous,
    };
    let (edit_ids, lesion) = match crate::core::genetics::mating::mata_edits(genome) {
        Ok((reqs, what)) if zygosity == Zygosity::Haploid => (
            reqs.into_iter()
                .map(|r| design.add(genome, r))
                .collect::<Result<Vec<_>, _>>()?,
            what,
        ),
        Ok((_, what)) => (
            Vec::new(),
            format!(
                "on one copy only, not applied: the edited sequence keeps the reference's MATα. {what}"
            ),
        ),
        Err(why) => (
            Vec::new(),
            format!("not modelled ({why}): the edited sequence keeps the reference's MAT"),
        ),
    };
    Ok(Some(BackgroundAllele {
        name: "MATa".to_owned(),
        systematic_gene_name: "MAT".to_owned(),
        locus: "MAT".to_owned(),
        zygosity,
        copy: (zygosity == Zygosity::Heterozygous).then_some(DiploidCopy::A),
        edit_ids,
        lesion,
    }))
}

/// Applies what a genotype string says to a design: background, then each perturbation, planned
/// with the parts the composer uses — cassettes and inserts by name from `library`, a tag's
/// cassette by its tag and marker ([`crate::core::genetics::tag_name::tag_cassettes`]), a
/// promoter by name ([`crate::core::genetics::promoter::promoter_by_name`]) replacing the default
/// [`crate::core::genetics::promoter::DEFAULT_UPSTREAM`] bp. All or nothing; the error names the
/// token.
///
/// Returns what was assumed because the string does not say it, one line per assumption
/// prefixed by the designation (`gal4-K23A: codon: the most frequent yeast codon for A (GCT)…`,
/// `pGAL1-PHO4: promoter: pGAL1 = 669 bp from …`): the sketch's own assumptions and the parts
/// chosen here.
pub fn apply_sketch(
    genome: &Genome,
    design: &mut Design,
    sketch: &crate::core::genetics::nomenclature::GenotypeSketch,
    library: &crate::core::genetics::cassette::Library,
) -> Result<Vec<String>, EditError> {
    use crate::core::edit::Terminus;
    use crate::core::genetics::promoter::{DEFAULT_UPSTREAM, Upstream, promoter_by_name};
    let mut assumed = Vec::new();
    use crate::core::coord::{Pos, Span};
    use crate::core::edit::EditOp;
    if let Some((token, why)) = sketch.unknown.first() {
        return Err(EditError::Gene(format!("'{token}': {why}")));
    }
    let mut next = design.clone();
    if let Some(name) = sketch
        .strain
        .and_then(crate::core::genetics::strain::strain)
    {
        set_background(genome, &mut next, name)?;
    } else if sketch.mating_type.is_some() || !sketch.alleles.is_empty() {
        let ploidy = if sketch.alleles.iter().any(|a| a.1 != Zygosity::Haploid)
            || sketch.mating_type == Some(MatingType::AAlpha)
        {
            2
        } else {
            1
        };
        let alleles: Vec<(&str, Zygosity, Option<DiploidCopy>)> = sketch
            .alleles
            .iter()
            .map(|(n, z, c)| (n.as_str(), *z, *c))
            .collect();
        set_custom_background(
            genome,
            &mut next,
            "custom",
            sketch.mating_type.unwrap_or(MatingType::Alpha),
            ploidy,
            &alleles,
        )?;
    }
    let cassette = |name: &str| {
        library.get(name).ok_or_else(|| {
            EditError::Gene(format!(
                "no cassette or insert named '{name}' in the library"
            ))
        })
    };
    for p in &sketch.perturbations {
        let gene = || -> Result<FeatureIdx, EditError> {
            crate::core::edit::helpers::resolve_gene(genome, p.gene.as_deref().unwrap_or(""))
        };
        let note = |what: String| format!("{}: {what}", p.designation);
        assumed.extend(p.assumed.iter().map(|a| note(a.clone())));
        let mut plan = match p.perturbation_type {
            PerturbationType::CTerminalTag | PerturbationType::NTerminalTag => {
                let tag = p.insert.as_deref().unwrap_or("");
                let found = crate::core::genetics::tag_name::tag_cassettes(
                    library,
                    tag,
                    p.marker.as_deref(),
                );
                let Some(c) = found.first() else {
                    return Err(EditError::Gene(format!(
                        "'{}': no library cassette carries the tag {tag}{}",
                        p.designation,
                        p.marker
                            .as_deref()
                            .map(|m| format!(" with the marker {m}"))
                            .unwrap_or_else(|| " without a marker".to_owned())
                    )));
                };
                if found.len() > 1 {
                    assumed.push(note(format!(
                        "cassette: {} (the first of {} library cassettes with this tag and marker: {})",
                        c.name,
                        found.len(),
                        found
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                let terminus = if p.perturbation_type == PerturbationType::CTerminalTag {
                    Terminus::C
                } else {
                    Terminus::N
                };
                crate::core::genetics::tag::plan_tag(genome, gene()?, c, terminus)?.0
            }
            PerturbationType::PointMutation => {
                let change = p
                    .change
                    .as_ref()
                    .ok_or_else(|| EditError::Gene(format!("'{}': no change", p.designation)))?;
                crate::core::genetics::point::plan_point_mutation(genome, gene()?, change)?.0
            }
            PerturbationType::PromoterReplacement => {
                let promoter =
                    promoter_by_name(genome, library, p.insert.as_deref().unwrap_or(""))?;
                let target = gene()?;
                let swap = |upstream| {
                    crate::core::genetics::promoter::plan_promoter_swap(
                        genome, target, &promoter, upstream,
                    )
                };
                // Fewer bases than the default up to the previous feature: the default would have
                // been refused, so the swap went up to that feature.
                let (plan, junctions) = match swap(Upstream::Bases(DEFAULT_UPSTREAM)) {
                    Err(crate::core::genetics::refusal::Refusal::UpstreamBlocked { .. }) => {
                        swap(Upstream::ToPreviousFeature)?
                    }
                    other => other?,
                };
                assumed.push(note(format!(
                    "promoter: p{} = {} bp, {}; replaces {}",
                    promoter.name,
                    promoter.sequence.len(),
                    promoter.source,
                    junctions.replaced
                )));
                plan
            }
            PerturbationType::GeneAddition => {
                let (contig, pos) = p.site.clone().unwrap_or_default();
                let c = cassette(p.insert.as_deref().unwrap_or(""))?;
                let contig = genome
                    .contig_by_name(&contig)
                    .ok_or_else(|| EditError::UnknownContig(contig.clone()))?;
                let req = EditRequest {
                    contig,
                    span: Span::empty_at(Pos(pos)),
                    sequence: c.sequence.as_bytes().to_vec(),
                    op: EditOp::Insert,
                    label: None,
                    feature: Some(c.feature(None, Strand::Forward)),
                };
                plan_insertion(genome, req, &c.name)
            }
            PerturbationType::SequenceVariant => {
                let c = cassette(p.insert.as_deref().unwrap_or(""))?;
                plan_replace_gene_sequence(genome, gene()?, &c.name, c.sequence.as_bytes())
            }
            PerturbationType::RegionDeletion => {
                let (seqid, span) = p
                    .region
                    .clone()
                    .ok_or_else(|| EditError::Gene(format!("'{}': no region", p.designation)))?;
                let contig = genome
                    .contig_by_name(&seqid)
                    .ok_or(EditError::UnknownContig(seqid))?;
                crate::core::genetics::region::plan_region_deletion(genome, contig, span)?
            }
            _ => {
                let c = p.insert.as_deref().map(cassette).transpose()?;
                plan_delete_gene(genome, gene()?, c)
            }
        };
        plan.perturbation.zygosity = p.zygosity;
        apply(genome, &mut next, plan)?;
    }
    *design = next;
    Ok(assumed)
}
