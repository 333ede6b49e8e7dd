//! Exports are always valid GFF3: every fixture that loads (`tests/data/fixtures`, and the
//! shared fixtures beside the repository when they are there) gets seeded random deletions,
//! insertions (some annotated, with parts) and replacements, is exported, and
//! `gt gff3validator` must accept the result — repaired input lines, lifted lines, split CDS
//! phases, inserted features and all.

use crate::common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::{EditOp, EditRequest, InsertedFeature, SubFeature};
use genoforge::core::genome::Genome;
use genoforge::core::genome::contig::ContigId;
use genoforge::core::genome::feature::FeatureKind;
use genoforge::core::lift::Lifted;
use genoforge::core::strand::Strand;
use genoforge::io::load::{LoadRequest, load};

use crate::common::Rng;

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Every annotation-like fixture, each content once.
fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    all_files(&common::data("fixtures"), &mut files);
    // The shared fixtures beside the repository, when this checkout has them (a clean clone
    // on CI may not).
    all_files(&common::root().join("../shared/data/fixtures"), &mut files);
    let mut seen = HashSet::new();
    files.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let annotation = [".gff3", ".gff", ".gff3.gz", "_gff.txt", "gff3.txt"]
            .iter()
            .any(|ext| name.ends_with(ext));
        annotation && seen.insert(std::fs::read(p).unwrap_or_default())
    });
    files.sort();
    files
}

/// A random edit on `contig` (of `len` bases): a deletion, an insertion (sometimes annotated,
/// with parts) or a replacement.
fn random_edit(rng: &mut Rng, contig: ContigId, len: u64, n: usize) -> EditRequest {
    let start = rng.below(len);
    let end = (start + 1 + rng.below(len.min(400))).min(len);
    let op = [EditOp::Delete, EditOp::Insert, EditOp::Replace][rng.below(3) as usize];
    let n_bases = rng.below(60);
    let (span, sequence) = match op {
        EditOp::Delete => (Span::new(Pos(start), Pos(end)).unwrap(), Vec::new()),
        EditOp::Insert => (Span::empty_at(Pos(start)), rng.bases(1 + n_bases)),
        EditOp::Replace => (Span::new(Pos(start), Pos(end)).unwrap(), rng.bases(n_bases)),
    };
    let feature = (!sequence.is_empty() && rng.below(2) == 0).then(|| {
        let ins = sequence.len() as u64;
        let parts = rng.below(3);
        let children = (0..parts)
            .map(|_| {
                let a = rng.below(ins);
                let b = a + 1 + rng.below(ins - a);
                SubFeature {
                    id: None,
                    parent: None,
                    kind: if rng.below(2) == 0 {
                        FeatureKind::Cds
                    } else {
                        FeatureKind::Exon
                    },
                    name: Some(format!("part of fx{n}")),
                    offset: Span::new(Pos(a), Pos(b)).unwrap(),
                    strand: Strand::Forward,
                    phase: None,
                }
            })
            .collect();
        InsertedFeature {
            supersedes: Vec::new(),
            kind: FeatureKind::Gene,
            id: Some(format!("fx{n}")),
            name: Some(format!("inserted; {n}=odd,name")),
            strand: if rng.below(2) == 0 {
                Strand::Forward
            } else {
                Strand::Reverse
            },
            attributes: vec![("note".into(), "a;b=c,d%e".into())],
            children,
            fusion: None,
        }
    });
    EditRequest {
        contig,
        span,
        sequence,
        op,
        label: None,
        feature,
    }
}

/// Random designs on `genome`: each with up to `edits` edits the design accepts.
fn random_design(genome: &Genome, rng: &mut Rng, edits: usize) -> Design {
    let contigs: Vec<(ContigId, u64)> = genome
        .contigs()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.length > 0 && c.ambiguity.is_none())
        .map(|(i, c)| (ContigId(i as u32), c.length))
        .collect();
    let mut design = Design::new();
    if contigs.is_empty() {
        return design;
    }
    for n in 0..edits {
        let (c, len) = contigs[rng.below(contigs.len() as u64) as usize];
        let _ = design.add(genome, random_edit(rng, c, len, n));
    }
    design
}

#[test]
fn every_fixture_that_loads_exports_valid_gff3_after_random_edits() {
    let files = fixtures();
    assert!(files.len() > 60, "found only {} fixtures", files.len());
    // Longer runs: GENOFORGE_GT_ROUNDS=60 GENOFORGE_GT_SEED=7 cargo test --test native fixtures_through_gt
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let rounds = env("GENOFORGE_GT_ROUNDS", 6) as usize;
    let seed = env("GENOFORGE_GT_SEED", 0x5EED_0000);
    let out = common::scratch("fixtures-gt");
    let mut failures = Vec::new();
    let (mut loaded, mut exports) = (0, 0);
    for (k, path) in files.iter().enumerate() {
        let fas = path.with_extension("fas");
        let req = LoadRequest {
            gff: Some(common::input(path)),
            fasta: fas.exists().then(|| common::input(&fas)),
            feature_table: None,
        };
        let Ok(l) = load(req) else { continue };
        loaded += 1;
        let mut rng = Rng(seed + k as u64);
        for round in 0..rounds {
            let design = random_design(&l.genome, &mut rng, [0, 1, 3, 8, 20, 40][round % 6]);
            let lifted = Lifted::new(&l.genome, &design);
            let mut gff = Vec::new();
            genoforge::io::gff3::writer::write(&mut gff, &l.genome, &design, &lifted).unwrap();
            let file = out.join(format!("{k}-{round}.gff3"));
            std::fs::write(&file, &gff).unwrap();
            exports += 1;
            let verdict = common::gt_validate(&file)
                .expect("gt (genometools) is needed for this test; .ci/setup installs it");
            if let Err(e) = verdict {
                failures.push(format!(
                    "{} (round {round}, {} edits): {}",
                    path.display(),
                    design.edits().len(),
                    e.lines()
                        .filter(|l| l.contains("error"))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
        }
    }
    assert!(loaded > 40, "only {loaded} fixtures loaded");
    assert!(
        failures.is_empty(),
        "{} of {exports} exports are not valid GFF3:\n{}",
        failures.len(),
        failures.join("\n")
    );
    std::fs::remove_dir_all(&out).unwrap();
}
