//! Every export of a design, rendered to bytes by the same writers the CLI uses, so a download from
//! the browser and the CLI's file for the same design are byte-identical.

use crate::core::design::Design;
use crate::core::genetics::nomenclature;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;
use crate::core::lift::edited::EditedGenome;
use crate::core::ml::{Flanks, gene_nodes, sequence_windows};
use crate::core::spec::{ReferenceSpec, export};

use super::fasta_writer::{self, Width};
use super::{chain, gff3, report, spec_json, views};

/// What can be exported.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// The genotype spec (JSON).
    Spec,
    /// The edited genome's sequences (FASTA, 60 columns).
    Fasta,
    /// The edited annotation (GFF3).
    Gff3,
    /// Reference → edited chain file.
    Chain,
    /// The affected-feature report (TSV).
    Report,
    /// Gene node view (CSV).
    GeneNodesCsv,
    /// Gene node view (JSON).
    GeneNodesJson,
    /// Sequence view (FASTA).
    WindowsFasta,
    /// Sequence view (JSON Lines).
    WindowsJsonl,
    /// The genotype string.
    Genotype,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [ExportKind; 10] = [
        Self::Spec,
        Self::Fasta,
        Self::Gff3,
        Self::Chain,
        Self::Report,
        Self::GeneNodesCsv,
        Self::GeneNodesJson,
        Self::WindowsFasta,
        Self::WindowsJsonl,
        Self::Genotype,
    ];

    /// The file name offered.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Spec => "genotype-spec.json",
            Self::Fasta => "edited.fa",
            Self::Gff3 => "edited.gff3",
            Self::Chain => "reference-to-edited.chain",
            Self::Report => "affected-features.tsv",
            Self::GeneNodesCsv => "gene_nodes.csv",
            Self::GeneNodesJson => "gene_nodes.json",
            Self::WindowsFasta => "sequence_windows.fa",
            Self::WindowsJsonl => "sequence_windows.jsonl",
            Self::Genotype => "genotype.txt",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Spec | Self::GeneNodesJson => "application/json",
            Self::WindowsJsonl => "application/jsonl",
            Self::GeneNodesCsv => "text/csv",
            Self::Report => "text/tab-separated-values",
            Self::Fasta | Self::WindowsFasta => "text/x-fasta",
            Self::Gff3 => "text/x-gff3",
            _ => "text/plain",
        }
    }

    /// Words for the menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Spec => "Genotype spec (JSON)",
            Self::Fasta => "Edited genome (FASTA)",
            Self::Gff3 => "Edited annotation (GFF3)",
            Self::Chain => "Lift-over chain",
            Self::Report => "Affected features (TSV)",
            Self::GeneNodesCsv => "Gene node view (CSV)",
            Self::GeneNodesJson => "Gene node view (JSON)",
            Self::WindowsFasta => "Sequence windows (FASTA)",
            Self::WindowsJsonl => "Sequence windows (JSONL)",
            Self::Genotype => "Genotype string",
        }
    }
}

/// What an export needs.
pub struct ExportInput<'a> {
    /// The reference.
    pub genome: &'a Genome,
    /// The design.
    pub design: &'a Design,
    /// Its lift-over.
    pub lifted: &'a Lifted,
    /// The reference's description (for the spec).
    pub reference: &'a ReferenceSpec,
    /// Creation time for a spec without provenance (RFC 3339).
    pub created: &'a str,
    /// Flanks of the sequence view.
    pub flanks: Flanks,
    /// The deletion project's essentiality table, for the gene nodes' `essential` column (`None`:
    /// the column is left empty).
    pub essential: Option<&'a crate::core::genetics::essential::EssentialityTable>,
}

/// Renders one export.
pub fn render(kind: ExportKind, x: &ExportInput<'_>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match kind {
        ExportKind::Spec => {
            out = spec_json::to_string(&export(
                x.genome,
                x.design,
                x.reference,
                x.created,
                x.essential.unwrap_or(&Default::default()),
            ))
            .into_bytes()
        }
        ExportKind::Fasta => {
            fasta_writer::write(
                &mut out,
                &EditedGenome::new(x.genome, x.design),
                Width::Sixty,
            )?;
        }
        ExportKind::Gff3 => gff3::writer::write(&mut out, x.genome, x.design, x.lifted)?,
        ExportKind::Chain => {
            // Contigs without a sequence or alignable bases have no chain; the FASTA export
            // leaves the same sequence-less contigs out.
            let _skipped = chain::write(&mut out, &EditedGenome::new(x.genome, x.design))?;
        }
        ExportKind::Report => report::write_tsv(&mut out, x.genome, x.design, x.lifted)?,
        ExportKind::GeneNodesCsv => views::write_gene_nodes_csv(&mut out, &nodes(x))?,
        ExportKind::GeneNodesJson => views::write_gene_nodes_json(&mut out, &nodes(x))?,
        ExportKind::WindowsFasta => {
            views::write_windows_fasta(
                &mut out,
                &sequence_windows(x.genome, x.design, x.lifted, x.flanks),
            )?;
        }
        ExportKind::WindowsJsonl => {
            views::write_windows_jsonl(
                &mut out,
                &sequence_windows(x.genome, x.design, x.lifted, x.flanks),
            )?;
        }
        ExportKind::Genotype => {
            out = nomenclature::format(&x.design.genotype_in_effect()).into_bytes();
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// The gene nodes, their `essential` column filled when the table is given.
fn nodes(x: &ExportInput<'_>) -> Vec<crate::core::ml::gene_nodes::GeneNode> {
    let mut rows = gene_nodes(x.genome, x.design, x.lifted);
    if let Some(t) = x.essential {
        crate::core::ml::gene_nodes::mark_essential(&mut rows, t);
    }
    rows
}
