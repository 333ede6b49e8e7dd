//! The genotype spec, version 1: a JSON document that records a whole design — the reference it was
//! made on (with checksums), the strain background, gene-level perturbations, the edits that realise
//! them, an optional gene set and provenance — so a Python pipeline can read it with `json.load` and
//! the exact edited genome can be rebuilt anywhere. `public/genotype-spec.schema.json` describes it.

use serde::{Deserialize, Serialize};

use crate::core::design::dataset_selection::{DatasetSelection, RecordError};
use crate::core::design::genotype::{
    Background, DamagedGene, GeneSet, Genotype, Perturbation, PerturbationType, Provenance,
    Zygosity,
};
use crate::core::design::{Design, NewEdit};
use crate::core::edit::json::EditJson;
use crate::core::edit::{EditError, EditId};
use crate::core::genetics::consistency::perturbation_warnings;
use crate::core::genetics::essential::EssentialityTable;
use crate::core::genetics::finding::FindingKind;
use crate::core::genetics::region::damaged_genes;
use crate::core::genome::{DocItem, Genome};
use crate::core::spec::checksum::{md5_hex, sequence_checksums};
use crate::core::spec::mata_upgrade::{MataUpgrade, upgrade_single_edit_mata};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The annotation a spec was made on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationSpec {
    /// Number of feature lines.
    pub features: usize,
    /// MD5 of the feature lines as loaded (each line's text and a `\n`, in input order).
    pub md5: String,
}

/// One contig of the reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContigSpec {
    /// Canonical name (the GFF3 seqid).
    pub name: String,
    /// Length in bases.
    pub length: u64,
    /// MD5 of the upper-cased sequence (`null` without a sequence).
    pub md5: Option<String>,
    /// GA4GH refget sha512t24u of the upper-cased sequence.
    pub sha512t24u: Option<String>,
}

/// The reference a spec was made on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceSpec {
    /// Species, from the FASTA headers (`[org=…]`).
    pub species: Option<String>,
    /// Strain, from the FASTA headers (`[strain=…]`).
    pub strain: Option<String>,
    /// Assembly, from the GFF3 (`#!genome-version`, `##genome-build`): `R64-1-1` for the bundled
    /// genome, Ensembl's name for the R64 assembly. SGD's R64-2-1 FASTA (the bundled sequence
    /// file) has the same bases — SGD's R64-x-y releases change the annotation, not the R64
    /// sequence (Engel et al. 2014, G3 4:389, doi 10.1534/g3.113.008995) — which each contig's
    /// `md5`/`sha512t24u` pins whatever the file is called.
    pub assembly: Option<String>,
    /// The assembly's INSDC accession, from the GFF3 (`#!genome-build-accession`):
    /// `GCA_000146045.2` for R64. Absent when the annotation does not say (and in older specs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assembly_accession: Option<String>,
    /// The annotation.
    pub annotation: AnnotationSpec,
    /// Every contig.
    pub contigs: Vec<ContigSpec>,
}

impl ReferenceSpec {
    /// Describes a loaded genome: names, lengths and checksums (reads every base once).
    pub fn of(genome: &Genome) -> Self {
        let tag = |key: &str| {
            genome.contigs().iter().find_map(|c| {
                let h = c.fasta_header.as_deref()?;
                let from = h.find(&format!("[{key}="))? + key.len() + 2;
                let to = h[from..].find(']')? + from;
                Some(h[from..to].trim().to_owned())
            })
        };
        let accession = genome.document().iter().find_map(|d| match d {
            DocItem::Comment(c) => c
                .strip_prefix("#!genome-build-accession")
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
            _ => None,
        });
        let assembly = genome.document().iter().find_map(|d| match d {
            DocItem::Comment(c) => c
                .strip_prefix("#!genome-version")
                .map(|v| v.trim().to_owned()),
            DocItem::Directive(c) => c
                .strip_prefix("##genome-build")
                .map(|v| v.trim().to_owned()),
            _ => None,
        });
        let lines: Vec<&[u8]> = genome
            .features()
            .iter()
            .flat_map(|f| [f.source_line.text.as_bytes(), b"\n".as_slice()])
            .collect();
        Self {
            species: tag("org"),
            strain: tag("strain"),
            assembly,
            assembly_accession: accession,
            annotation: AnnotationSpec {
                features: genome.features().len(),
                md5: md5_hex(&lines),
            },
            contigs: genome
                .contigs()
                .iter()
                .map(|c| {
                    let sums = c.sequence.as_deref().map(sequence_checksums);
                    ContigSpec {
                        name: c.name.to_string(),
                        length: c.length,
                        md5: sums.as_ref().map(|s| s.md5.clone()),
                        sha512t24u: sums.map(|s| s.sha512t24u),
                    }
                })
                .collect(),
        }
    }
}

/// A perturbation as the spec writes it (torchcell's field names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerturbationSpec {
    /// `deletion`, `kanmx_deletion`, `gene_addition`, …
    pub perturbation_type: PerturbationType,
    /// Systematic name; `null` for a region deletion (its genes are in `genes`). Older specs wrote
    /// the region there (`IV:100001-101000`): read, and the region taken from the edits.
    pub systematic_gene_name: Option<String>,
    /// Standard name; `null` for a region deletion, as `systematic_gene_name`.
    pub perturbed_gene_name: Option<String>,
    /// `tfc3Δ::kanMX4`.
    pub designation: String,
    /// Sequence Ontology id of the mechanism.
    pub mechanism_so_id: String,
    /// Sequence Ontology name of the mechanism.
    pub mechanism_so_name: String,
    /// A sentence.
    pub description: String,
    /// The edits that realise it (disabled when heterozygous).
    pub edit_ids: Vec<EditId>,
    /// `homozygous` or `heterozygous` in a diploid; absent in a haploid.
    #[serde(default = "haploid", skip_serializing_if = "is_haploid")]
    pub zygosity: Zygosity,
    /// `false` when the user disabled an edit that realises it (`enabled: false` on the edit): it
    /// is kept in the design, but not in the edited genome, the genotype string or the gene nodes
    /// ([`Design::in_effect`]). Absent (`true`) otherwise — a heterozygous perturbation's edits
    /// are disabled on purpose and it is in effect. Derived on export; read and ignored on
    /// restore (the edits' `enabled` decide).
    #[serde(default = "in_effect", skip_serializing_if = "is_in_effect")]
    pub in_effect: bool,
    /// The allele a point change is part of with the other changes of its gene on the same copies,
    /// as the genotype string writes it (`gal4-K17A,K23A` on both `gal4-K17A` and `gal4-K23A`):
    /// the spec keeps one record per change (each its edit) and this groups them. Absent for a
    /// change that is an allele alone, and for other kinds. Derived on export; ignored on restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allele: Option<String>,
    /// A region deletion's genes: each gene the region overlaps, with its systematic and standard
    /// names and `damage`: `deleted` (whole), `trimmed` (an end removed) or `disrupted` (its
    /// inside removed) — the GFF3's `edit_status` and the gene nodes' status for that gene.
    /// Older specs wrote `partially_deleted` for both partial kinds: it is read, and
    /// [`restore`] recomputes the word from the region, so re-exporting writes the new one.
    /// Absent for other kinds and in specs written before it was recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genes: Vec<DamagedGene>,
    /// What the biology says against it, as the design's warnings do
    /// ([`crate::core::genetics::consistency::perturbation_warnings`]): an essential gene it
    /// deletes on every copy (the deletion project, Giaever et al. 2002), a feature its promoter
    /// swap reaches, a likely signal peptide its N-terminal tag precedes (a heuristic, von Heijne
    /// 1986). Derived on export; read and ignored on restore (recomputed). Absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<PerturbationWarning>,
}

/// One warning on a perturbation: its kind (`essential_gene_deleted`,
/// `promoter_reaches_feature`, `signal_peptide_tagged`) and a sentence naming the gene and the
/// source of the claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerturbationWarning {
    /// What it is about.
    pub kind: FindingKind,
    /// The sentence.
    pub message: String,
}

fn in_effect() -> bool {
    true
}

fn is_in_effect(b: &bool) -> bool {
    *b
}

fn haploid() -> Zygosity {
    Zygosity::Haploid
}

fn is_haploid(z: &Zygosity) -> bool {
    *z == Zygosity::Haploid
}

impl From<&Perturbation> for PerturbationSpec {
    fn from(p: &Perturbation) -> Self {
        let (so_id, so_name) = p.perturbation_type.so_term();
        let names_a_gene = p.perturbation_type != PerturbationType::RegionDeletion;
        Self {
            perturbation_type: p.perturbation_type,
            systematic_gene_name: names_a_gene.then(|| p.systematic_gene_name.clone()),
            perturbed_gene_name: names_a_gene.then(|| p.perturbed_gene_name.clone()),
            designation: p.designation.clone(),
            mechanism_so_id: so_id.to_owned(),
            mechanism_so_name: so_name.to_owned(),
            description: p.perturbation_type.description().to_owned(),
            edit_ids: p.edit_ids.clone(),
            zygosity: p.zygosity,
            in_effect: true,
            allele: None,
            genes: p.genes.clone(),
            warnings: Vec::new(),
        }
    }
}

/// A genotype spec, version 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenotypeSpec {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// What it was made on.
    pub reference: ReferenceSpec,
    /// The strain background.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<Background>,
    /// Gene-level perturbations.
    #[serde(default)]
    pub perturbations: Vec<PerturbationSpec>,
    /// The edits, each with its `id` (and `enabled: false` when disabled).
    #[serde(default)]
    pub edits: Vec<EditJson>,
    /// The genes the design is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gene_set: Option<GeneSet>,
    /// The datasets the design is trained against: selected dataset ids (with the files imported
    /// data came from), intersection pairs, key kind, gene-set choice and, when recorded, which
    /// datasets measured the design's genotype. Absent when nothing is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset_selection: Option<DatasetSelection>,
    /// The design's name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Tool, version, time.
    pub provenance: Provenance,
}

/// Why a spec cannot be restored on the loaded genome. The design is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// A schema version this build does not read.
    #[error("unknown schema_version {0}: this genoforge reads version {SCHEMA_VERSION}")]
    SchemaVersion(u64),
    /// The spec was made on another reference.
    #[error("the spec was made on another reference: {0}")]
    Reference(String),
    /// An edit that does not apply.
    #[error("edit {}: {error}", id.cited())]
    Edit {
        /// Its id.
        id: EditId,
        /// Why.
        error: EditError,
    },
    /// An edit without its `id`.
    #[error("edits[{0}] has no \"id\"; every edit of a spec has one")]
    MissingId(usize),
    /// A dataset selection naming an unknown dataset, or inconsistent.
    #[error("{0}")]
    DatasetSelection(#[from] RecordError),
    /// A perturbation or allele pointing at an edit the spec does not have.
    #[error("{what} refers to edit {}, which the spec does not contain", id.cited())]
    DanglingEdit {
        /// Which record.
        what: String,
        /// The id.
        id: EditId,
    },
}

/// Writes a design as a spec. `reference` is [`ReferenceSpec::of`] the genome (cached by callers);
/// `created` is used only when the design has no provenance yet; `essential` is the deletion
/// project's table, for the perturbations' `warnings` (an empty table: no essential-gene claims).
pub fn export(
    genome: &Genome,
    design: &Design,
    reference: &ReferenceSpec,
    created: &str,
    essential: &EssentialityTable,
) -> GenotypeSpec {
    let g = design.genotype();
    let mut perturbations = perturbation_specs(design);
    for (i, f) in perturbation_warnings(genome, design, essential) {
        if let Some(p) = perturbations.get_mut(i) {
            p.warnings.push(PerturbationWarning {
                kind: f.kind,
                message: f.message,
            });
        }
    }
    GenotypeSpec {
        schema_version: SCHEMA_VERSION,
        reference: reference.clone(),
        background: g.background.clone(),
        perturbations,
        edits: edit_specs(genome, design),
        gene_set: g.gene_set.clone(),
        dataset_selection: Some(design.dataset_selection())
            .filter(|s| !s.is_empty())
            .cloned(),
        name: g.name.clone(),
        provenance: g
            .provenance
            .clone()
            .unwrap_or_else(|| Provenance::now(created)),
    }
}

/// What restoring noticed without refusing (an annotation that differs, extra contigs, an older
/// MATa upgraded or kept).
pub type Warnings = Vec<String>;

/// Checks a spec against the loaded genome's reference and rebuilds its design. An older spec's
/// single-edit MATa is upgraded to today's model when that changes no base, else kept; a warning
/// says which ([`crate::core::spec::mata_upgrade`]).
pub fn restore(
    genome: &Genome,
    loaded: &ReferenceSpec,
    spec: &GenotypeSpec,
) -> Result<(Design, Warnings), SpecError> {
    if spec.schema_version != SCHEMA_VERSION {
        return Err(SpecError::SchemaVersion(u64::from(spec.schema_version)));
    }
    if let Some(s) = &spec.dataset_selection {
        s.validate()?;
    }
    let mut warnings = Vec::new();
    for c in &spec.reference.contigs {
        let Some(id) = genome.contig_by_name(&c.name) else {
            return Err(SpecError::Reference(format!(
                "its contig '{}' ({} bp) is not in the loaded genome",
                c.name, c.length
            )));
        };
        let here = &loaded.contigs[id.get()];
        if here.length != c.length {
            return Err(SpecError::Reference(format!(
                "contig '{}' is {} bp in the spec but {} bp in the loaded genome",
                c.name, c.length, here.length
            )));
        }
        if let (Some(a), Some(b)) = (&c.md5, &here.md5)
            && a != b
        {
            return Err(SpecError::Reference(format!(
                "contig '{}' has another sequence (md5 {a} in the spec, {b} loaded)",
                c.name
            )));
        }
    }
    if loaded.annotation.features == 0 && spec.reference.annotation.features > 0 {
        warnings.push(format!(
            "no annotation is loaded (the spec was made with {} feature lines): edits apply to the sequence; what they mean for genes is not checked",
            spec.reference.annotation.features
        ));
    } else if spec.reference.annotation.md5 != loaded.annotation.md5 {
        warnings.push(format!(
            "the annotation differs from the one the spec was made on ({} feature lines then, {} now); edits apply to the sequence and are kept",
            spec.reference.annotation.features, loaded.annotation.features
        ));
    }
    let mut new = Vec::with_capacity(spec.edits.len());
    for (i, e) in spec.edits.iter().enumerate() {
        let Some(id) = e.id else {
            return Err(SpecError::MissingId(i));
        };
        let request = e
            .to_request(genome)
            .map_err(|error| SpecError::Edit { id, error })?;
        new.push(NewEdit {
            id: Some(id),
            request,
            enabled: e.enabled,
        });
    }
    let mut background = spec.background.clone();
    let build = |new: Vec<NewEdit>| {
        let ids: Vec<Option<EditId>> = new.iter().map(|e| e.id).collect();
        let mut design = Design::new();
        design
            .add_many(genome, new)
            .map(|_| design)
            .map_err(|(i, error)| SpecError::Edit {
                id: ids.get(i).copied().flatten().unwrap_or(EditId(0)),
                error,
            })
    };
    let design = match upgrade_single_edit_mata(genome, background.as_ref(), &new) {
        MataUpgrade::Current => build(new)?,
        MataUpgrade::Kept(why) => {
            warnings.push(why);
            build(new)?
        }
        MataUpgrade::Upgraded {
            edits,
            edit_ids,
            lesion,
            warning,
        } => match build(edits) {
            Ok(design) => {
                if let Some(a) = background
                    .iter_mut()
                    .flat_map(|b| &mut b.alleles)
                    .find(|a| a.locus == "MAT" && a.name == "MATa")
                {
                    a.edit_ids = edit_ids;
                    a.lesion = lesion;
                }
                warnings.push(warning);
                design
            }
            Err(why) => {
                warnings.push(format!(
                    "MATa in this spec is one edit made by an older genoforge; kept as written, since today's model does not fit beside the other edits ({why})"
                ));
                build(new)?
            }
        },
    };
    let mut design = design;
    let known = |id: &EditId| design.edit(*id).is_some();
    for p in &spec.perturbations {
        if let Some(id) = p.edit_ids.iter().find(|id| !known(id)) {
            return Err(SpecError::DanglingEdit {
                what: format!("perturbation {}", p.designation),
                id: *id,
            });
        }
    }
    if let Some(b) = &background {
        for a in &b.alleles {
            if let Some(id) = a.edit_ids.iter().find(|id| !known(id)) {
                return Err(SpecError::DanglingEdit {
                    what: format!("allele {}", a.name),
                    id: *id,
                });
            }
        }
    }
    let perturbations: Vec<Perturbation> = spec
        .perturbations
        .iter()
        .map(|p| Perturbation {
            perturbation_type: p.perturbation_type,
            systematic_gene_name: p
                .systematic_gene_name
                .clone()
                .unwrap_or_else(|| region_of(genome, &design, p)),
            perturbed_gene_name: p
                .perturbed_gene_name
                .clone()
                .or_else(|| p.systematic_gene_name.clone())
                .unwrap_or_else(|| region_of(genome, &design, p)),
            designation: p.designation.clone(),
            edit_ids: p.edit_ids.clone(),
            zygosity: p.zygosity,
            genes: restored_genes(genome, &design, p),
        })
        .collect();
    *design.genotype_mut() = Genotype {
        background,
        perturbations,
        gene_set: spec.gene_set.clone(),
        provenance: Some(spec.provenance.clone()),
        name: spec.name.clone(),
    };
    *design.dataset_selection_mut() = spec.dataset_selection.clone().unwrap_or_default();
    Ok((design, warnings))
}

/// What a perturbation without a gene name (a region deletion, `null`) is called inside: its
/// region as `CONTIG:START-END` (1-based, inclusive), from its first edit; else its designation.
fn region_of(genome: &Genome, design: &Design, p: &PerturbationSpec) -> String {
    p.edit_ids
        .iter()
        .find_map(|&id| design.edit(id))
        .map(|e| {
            let (s, t) = e.span.one_based();
            format!("{}:{s}-{t}", genome.contig(e.contig).name)
        })
        .unwrap_or_else(|| p.designation.clone())
}

/// A region deletion's genes as the spec lists them, each gene's `damage` recomputed from the
/// region its edits remove (`damaged_genes`, the lift-over's rule): an older spec's
/// `partially_deleted` (read as `trimmed`) becomes `trimmed` or `disrupted`. A listed gene the
/// edits do not reach keeps its word (`validate` reports it).
fn restored_genes(genome: &Genome, design: &Design, p: &PerturbationSpec) -> Vec<DamagedGene> {
    if p.perturbation_type != PerturbationType::RegionDeletion || p.genes.is_empty() {
        return p.genes.clone();
    }
    let found: Vec<DamagedGene> = p
        .edit_ids
        .iter()
        .filter_map(|&id| design.edit(id))
        .flat_map(|e| damaged_genes(genome, e.contig, e.span))
        .collect();
    p.genes
        .iter()
        .map(|d| DamagedGene {
            damage: found
                .iter()
                .find(|f| {
                    f.systematic_gene_name
                        .eq_ignore_ascii_case(&d.systematic_gene_name)
                })
                .map_or(d.damage, |f| f.damage),
            ..d.clone()
        })
        .collect()
}

/// The design's checksum: MD5 (hex) of the compact JSON of `[background, perturbations, edits]`
/// exactly as the spec writes them — what makes the edited genome, without the reference
/// description or provenance. Recomputable from a spec: `md5(json.dumps([s.get("background"),
/// s["perturbations"], s["edits"]], separators=(",", ":"), ensure_ascii=False))` over the spec's
/// own key order (serde's field order).
pub fn design_md5(genome: &Genome, design: &Design) -> String {
    let g = design.genotype();
    let perturbations = perturbation_specs(design);
    let edits = edit_specs(genome, design);
    let json = serde_json::to_string(&(&g.background, &perturbations, &edits)).unwrap_or_default();
    md5_hex(&[json.as_bytes()])
}

/// The perturbations of a design as the spec writes them (without warnings), in their order, each
/// marked when not [in effect](Design::in_effect), and a point change merged with others of its
/// gene given the allele the genotype string writes
/// ([`allele_of`](crate::core::genetics::nomenclature::allele_of), among those in effect).
fn perturbation_specs(design: &Design) -> Vec<PerturbationSpec> {
    let in_effect = design.genotype_in_effect();
    let mut k = 0;
    (design.genotype().perturbations.iter())
        .map(|p| {
            let on = design.in_effect(p);
            let allele = on
                .then(|| {
                    crate::core::genetics::nomenclature::allele_of(&in_effect.perturbations, k)
                })
                .flatten();
            k += usize::from(on);
            PerturbationSpec {
                in_effect: on,
                allele,
                ..PerturbationSpec::from(p)
            }
        })
        .collect()
}

/// Every edit of a design as the spec writes it, in id order.
fn edit_specs(genome: &Genome, design: &Design) -> Vec<EditJson> {
    design
        .edits()
        .iter()
        .map(|e| EditJson {
            id: Some(e.id),
            enabled: design.is_enabled(e.id),
            ..EditJson::from_edit(genome, e)
        })
        .collect()
}
