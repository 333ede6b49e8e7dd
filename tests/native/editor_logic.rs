//! The editor's domain logic (previews, junctions, track layout) on the real genome.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, plan_delete_gene};
use genoforge::core::genetics::essential::Essentiality;
use genoforge::core::lift::EffectKind;
use genoforge::view::preview::preview;
use genoforge::view::track::{GeneClass, gene_class, layout};
use genoforge::view::viewport::Viewport;

fn essential() -> genoforge::core::genetics::essential::EssentialityTable {
    common::essentiality()
}

#[test]
fn preview_names_the_neighbours_it_touches_and_essentiality() {
    let g = &common::default_genome().genome;
    let design = Design::new();
    let kan = common::kanmx4();
    let ess = essential();
    assert_eq!((ess.len(), ess.essential_count()), (6128, 1123));
    // TFC3 is essential; replacing it with kanMX4 says so.
    let plan = plan_delete_gene(g, resolve_gene(g, "TFC3").unwrap(), Some(&kan));
    let p = preview(g, &design, &plan, &ess).unwrap();
    assert_eq!(p.designation, "tfc3Δ::kanMX4");
    assert_eq!(
        p.edits[0].to_string(),
        "replace I:147,594–151,166 (tfc3Δ::kanMX4)"
    );
    assert_eq!(p.length_change, 1357 - 3573);
    assert_eq!(
        (p.genes[0].name.as_str(), p.genes[0].effect),
        ("TFC3", EffectKind::Dropped)
    );
    assert_eq!(p.genes[0].essentiality, Essentiality::Essential);
    assert_eq!(p.essential().count(), 1);
    // Deleting a verified gene that a dubious ORF overlaps names the dubious one as trimmed or removed.
    let mut found = false;
    for gene in g.genes().take(800) {
        let plan = plan_delete_gene(g, gene, None);
        let Ok(p) = preview(g, &design, &plan, &ess) else {
            continue;
        };
        if let Some(also) = p
            .also()
            .find(|x| x.class == Some("dubious") && x.effect == EffectKind::Trimmed)
        {
            let s = also.sentence();
            assert!(s.starts_with("trims ") && s.ends_with(", dubious"), "{s}");
            found = true;
            break;
        }
    }
    assert!(
        found,
        "no gene deletion trims a dubious ORF among the first 800 genes"
    );
    // A conflicting plan fails like applying would, and the design is untouched.
    let mut d = Design::new();
    apply(
        g,
        &mut d,
        plan_delete_gene(g, resolve_gene(g, "TFC3").unwrap(), None),
    )
    .unwrap();
    let before = d.clone();
    assert!(
        preview(
            g,
            &d,
            &plan_delete_gene(g, resolve_gene(g, "TFC3").unwrap(), Some(&kan)),
            &ess
        )
        .is_err()
    );
    assert!(d == before);
}

#[test]
fn junction_shows_inserted_and_removed_runs() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    let kan = common::kanmx4();
    let ids = apply(
        g,
        &mut d,
        plan_delete_gene(g, resolve_gene(g, "YAL002W").unwrap(), Some(&kan)),
    )
    .unwrap();
    let j = genoforge::view::junction::junction(g, &d, ids[0], 30).unwrap();
    // Edited: 30 reference bases, the 1,357 inserted, 30 reference bases.
    let kinds: Vec<(bool, usize)> = j.edited.iter().map(|r| (r.changed, r.text.len())).collect();
    assert_eq!(kinds, vec![(false, 30), (true, 1357), (false, 30)]);
    let kinds: Vec<(bool, usize)> = j
        .reference
        .iter()
        .map(|r| (r.changed, r.text.len()))
        .collect();
    let gene_len = g.extent(resolve_gene(g, "YAL002W").unwrap()).len() as usize;
    assert_eq!(kinds, vec![(false, 30), (true, gene_len), (false, 30)]);
    assert_eq!(j.edited[0].text, j.reference[0].text);
    assert_eq!(j.edited[2].text, j.reference[2].text);
    assert_eq!(j.edited[1].text, kan.sequence); // YAL002W is on +
}

#[test]
fn track_packs_genes_into_rows_and_classes_them() {
    let g = &common::default_genome().genome;
    let v = Viewport::parse(g, "I:1-230218").unwrap();
    let placed = layout(g, &v, 0);
    assert!(placed.len() > 100);
    // No two genes in a row overlap.
    for a in &placed {
        for b in &placed {
            if a.gene < b.gene && a.row == b.row {
                assert!(!g.feature(a.gene).span.overlaps(&g.feature(b.gene).span));
            }
        }
    }
    let class = |n: &str| gene_class(g, resolve_gene(g, n).unwrap());
    assert_eq!(class("TFC3"), GeneClass::Verified);
    assert_eq!(class("YAL019W-A"), GeneClass::Dubious);
    assert_eq!(class("tA(UGC)A"), GeneClass::Trna);
    // SGD's own GFF3 types a tRNA gene `tRNA_gene`, with no biotype and, opened without the
    // feature table, no class from it: still a tRNA (drawn and in the legend as one).
    let gff = b"##gff-version 3\nchrA\tSGD\ttRNA_gene\t10\t81\t.\t+\t.\tID=t1;Name=tX(YYY)A\n\
chrA\tSGD\tgene\t101\t400\t.\t+\t.\tID=g1;Name=G1\n";
    let own = genoforge::io::load::load(genoforge::io::load::LoadRequest {
        gff: Some(genoforge::io::load::InputFile::new("t.gff3", gff.to_vec())),
        fasta: None,
        feature_table: None,
    })
    .unwrap();
    let og = &own.genome;
    assert_eq!(
        gene_class(og, resolve_gene(og, "tX(YYY)A").unwrap()),
        GeneClass::Trna
    );
    assert!(genoforge::view::track::classes_present(og).contains(&GeneClass::Trna));
    // Whole chromosome IV: ~800 genes, laid out quickly.
    let iv = Viewport::parse(g, "IV").unwrap();
    let placed = layout(g, &iv, 200);
    assert!(placed.len() > 700, "{}", placed.len());
}
