//! `genoforge design`: build a genotype spec from gene-level operations — a strain background,
//! gene deletions (clean or with a marker cassette), C-/N-terminal tags, point mutations, promoter swaps, region deletions — the same plans the
//! browser's panels make. What each operation does is printed to stderr, then the design's
//! warnings (an essential gene deleted in a haploid, a marker used twice; a promoter swap reaching
//! another feature is among its details); the spec goes to
//! `--out-spec` (or stdout). All or nothing: a refused operation names itself and nothing is
//! written.

use std::io::Write;

use crate::cli::args::DesignArgs;
use crate::cli::clock::now_rfc3339;
use crate::cli::input::{load_genome, load_spec, read_input};
use crate::cli::output::Outputs;
use crate::core::design::Design;
use crate::core::design::genotype::Zygosity;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::cassette::Library;
use crate::core::genetics::compose::{apply, plan_delete_gene, set_background};
use crate::core::genetics::strain::strain as strain_def;
use crate::core::spec::{ReferenceSpec, export};
use crate::io::spec_json;
use crate::view::gene_edit_form::{Form, Kind, UpstreamChoice, plan};

fn split<'a>(flag: &str, v: &'a str) -> Result<(&'a str, &'a str), String> {
    v.split_once('=')
        .ok_or_else(|| format!("--{flag} takes GENE=VALUE, not '{v}'"))
}

pub(crate) fn run(a: &DesignArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let library: Library = match &a.library {
        Some(p) => {
            let f = read_input(p)?;
            serde_json::from_slice(&f.bytes).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Library::default(),
    };
    let zygosity = match a.zygosity.as_deref() {
        None | Some("heterozygous") => Zygosity::Heterozygous,
        Some("homozygous") => Zygosity::Homozygous,
        Some(other) => {
            return Err(format!(
                "--zygosity is heterozygous or homozygous, not '{other}'"
            ));
        }
    };
    let mut design = match &a.from_spec {
        Some(p) => load_spec(g, p)?,
        None => Design::new(),
    };
    if let Some(s) = &a.strain {
        let def = strain_def(s).ok_or_else(|| format!("unknown strain '{s}'"))?;
        set_background(g, &mut design, def).map_err(|e| format!("--strain {s}: {e}"))?;
    }
    if let Some(n) = &a.name {
        design.genotype_mut().name = Some(n.clone());
    }
    let diploid = design
        .genotype()
        .background
        .as_ref()
        .is_some_and(|b| b.ploidy == 2);
    // Copies mean something only in a diploid: a haploid has one, and the flag would be ignored.
    if let (Some(z), false) = (&a.zygosity, diploid) {
        let background = design.genotype().background.as_ref().map_or_else(
            || "the design has no background (a haploid reference)".to_owned(),
            |b| format!("{} is haploid", b.name),
        );
        return Err(format!(
            "--zygosity {z}: zygosity applies to diploid backgrounds (BY4743); {background}"
        ));
    }
    let essential = crate::cli::validate::essentiality()?;
    for v in &a.delete {
        let (name, cassette) = match v.split_once('=') {
            Some((n, c)) => (n, Some(c)),
            None => (v.as_str(), None),
        };
        let what = format!("--delete {v}");
        let gene = resolve_gene(g, name).map_err(|e| format!("{what}: {e}"))?;
        let cassette = cassette
            .map(|c| {
                library
                    .get(c)
                    .ok_or_else(|| format!("{what}: no cassette named '{c}' in the library"))
            })
            .transpose()?;
        let mut p = plan_delete_gene(g, gene, cassette);
        if diploid {
            p.perturbation.zygosity = zygosity;
        }
        let designation = p.perturbation.designation.clone();
        let note = crate::core::genetics::compose::deletion_extent_note(&p.perturbation);
        // The other genes the deletion reaches (a neighbour trimmed, MATα1 in YCR041W's), as the
        // browser's preview lists them.
        let also: Vec<String> = crate::view::preview::preview(g, &design, &p, &essential)
            .map(|pv| pv.also().map(|x| x.sentence()).collect())
            .unwrap_or_default();
        apply(g, &mut design, p).map_err(|e| format!("{what}: {e}"))?;
        eprintln!("genoforge: {designation}");
        for a in &also {
            eprintln!("    also {a}");
        }
        if let Some(n) = note {
            eprintln!("    note: {n}");
        }
        if diploid {
            eprintln!(
                "    {}",
                crate::view::gene_edit_form::zygosity_note(zygosity)
            );
        }
    }
    let mut ops: Vec<(String, Form, Option<String>)> = Vec::new();
    let base = Form {
        zygosity,
        ..Form::default()
    };
    for v in &a.c_tag {
        let (gene, tag) = split("c-tag", v)?;
        ops.push((
            format!("--c-tag {v}"),
            Form {
                kind: Kind::CTag,
                tag: tag.to_owned(),
                ..base.clone()
            },
            Some(gene.to_owned()),
        ));
    }
    for v in &a.n_tag {
        let (gene, tag) = split("n-tag", v)?;
        ops.push((
            format!("--n-tag {v}"),
            Form {
                kind: Kind::NTag,
                tag: tag.to_owned(),
                ..base.clone()
            },
            Some(gene.to_owned()),
        ));
    }
    for v in &a.mutate {
        let (gene, changes) = split("mutate", v)?;
        // Several changes of one allele (`GAL4=K17A,K23A`): one point mutation each.
        for change in crate::core::genetics::nomenclature::change_list(changes) {
            ops.push((
                format!("--mutate {gene}={change}"),
                Form {
                    kind: Kind::Point,
                    change: change.to_owned(),
                    ..base.clone()
                },
                Some(gene.to_owned()),
            ));
        }
    }
    for v in &a.promoter {
        let (gene, p) = split("promoter", v)?;
        let (name, upstream, upstream_choice) = match p.split_once('@') {
            Some((n, "previous")) => (n, String::new(), UpstreamChoice::ToPreviousFeature),
            Some((n, b)) => (n, b.to_owned(), UpstreamChoice::Length),
            None => (p, String::new(), UpstreamChoice::Length),
        };
        ops.push((
            format!("--promoter {v}"),
            Form {
                kind: Kind::Promoter,
                promoter: name.to_owned(),
                upstream,
                upstream_choice,
                ..base.clone()
            },
            Some(gene.to_owned()),
        ));
    }
    for v in &a.delete_region {
        ops.push((
            format!("--delete-region {v}"),
            Form {
                kind: Kind::Region,
                locus: v.clone(),
                ..base.clone()
            },
            None,
        ));
    }
    for (what, form, gene) in ops {
        let gene = gene
            .map(|n| resolve_gene(g, &n).map_err(|e| format!("{what}: {e}")))
            .transpose()?;
        let p =
            plan(g, &library, gene, None, &form, diploid).map_err(|e| format!("{what}: {e}"))?;
        let designation = p.plan.perturbation.designation.clone();
        apply(g, &mut design, p.plan).map_err(|e| format!("{what}: {e}"))?;
        eprintln!("genoforge: {designation}");
        for d in p.details {
            eprintln!("    {d}");
        }
    }
    // The design's biology warnings; a promoter swap's and an N-terminal tag's were printed with
    // its details.
    let lifted = crate::core::lift::Lifted::new(g, &design);
    crate::cli::validate::print_warnings(g, &design, &lifted, &|k| {
        use crate::core::genetics::finding::FindingKind;
        matches!(
            k,
            FindingKind::PromoterReachesFeature
                | FindingKind::SignalPeptideTagged
                | FindingKind::CTerminalSignalTagged
                | FindingKind::SignalAnchorTagged
        )
    })?;
    let spec = export(
        g,
        &design,
        &ReferenceSpec::of(g),
        &now_rfc3339(),
        &essential,
    );
    let text = spec_json::to_string(&spec);
    match &a.out_spec {
        Some(p) => {
            let mut out = Outputs::new();
            out.write(p, |w| w.write_all(text.as_bytes()))?;
            out.commit()?;
        }
        None => print!("{text}"),
    }
    Ok(())
}
