//! A spec written when MATa was one edit (before a1/a2 were modelled as whole genes and a2 as a
//! second, identical-base edit) is upgraded when read, with a warning; one whose MATa edit has
//! other bases than today's model is kept as written, also with a warning.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::EditId;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{delete_gene, set_background};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genome::Genome;
use genoforge::core::spec::{ReferenceSpec, export, restore};
use genoforge::io::spec_json;
use serde_json::{Value, json};

/// Today's BY4741 pho5Δ: alleles 0–3, MATa 4 (Y) and 5 (a2), pho5Δ 6.
fn today(g: &Genome) -> Design {
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    delete_gene(g, &mut d, resolve_gene(g, "PHO5").unwrap(), None).unwrap();
    d
}

/// The same design as genoforge wrote it before a2 was an edit of its own (commit c837e75's
/// `mata_edit`): MATa one edit (4) whose feature lists HMR's gene and CDS lines renamed for MAT,
/// without IDs, parents or `supersedes`; the user's deletion 5.
fn as_the_old_writer_wrote_it(g: &Genome) -> Value {
    let spec = export(
        g,
        &today(g),
        &ReferenceSpec::of(g),
        "2026-11-30T21:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let mut v = serde_json::to_value(&spec).unwrap();
    let edits = v["edits"].as_array_mut().unwrap();
    assert_eq!(
        edits[5]["label"],
        "MATa: MATA2 annotation (bases unchanged)"
    );
    edits.remove(5);
    edits[5]["id"] = json!(5);
    let f = &mut edits[4]["feature"];
    f.as_object_mut().unwrap().remove("supersedes");
    f["attributes"]["Note"] = json!(
        "Ya copied from HMR (III:293,737–294,389) in place of Yα; a2 is encoded in the X region MAT and HMR share"
    );
    let children: Vec<Value> = f["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "gene" || c["type"] == "CDS")
        .map(|c| {
            let mut c = c.clone();
            let o = c.as_object_mut().unwrap();
            o.remove("id");
            o.remove("parent");
            c
        })
        .collect();
    assert_eq!(children.len(), 4, "MATA1's gene and its three CDS parts");
    f["children"] = Value::Array(children);
    v["perturbations"][0]["edit_ids"] = json!([5]);
    let mata = &mut v["background"]["alleles"][0];
    assert_eq!(mata["name"], "MATa");
    mata["edit_ids"] = json!([4]);
    mata["lesion"] = json!(
        "MATa modelled: Yα at MAT (III:200,104–200,861, 758 bp) replaced by HMR's Ya (III:293,737–294,389, 653 bp), both located from the sequence as what lies between the X and Z1 regions MAT and HMR share; MATα1 and MATα2 keep only their bases in X and Z1 (trimmed, no start codon); a1 comes in with Ya as MATA1"
    );
    v
}

fn read(g: &Genome, v: &Value) -> (Design, Vec<String>) {
    let spec = spec_json::parse(serde_json::to_string(v).unwrap().as_bytes()).unwrap();
    restore(g, &ReferenceSpec::of(g), &spec).unwrap()
}

#[test]
fn an_older_single_edit_mata_is_upgraded_with_a_warning() {
    let g = &common::default_genome().genome;
    let (d, warnings) = read(g, &as_the_old_writer_wrote_it(g));
    let upgrade: Vec<&String> = warnings.iter().filter(|w| w.contains("MATa")).collect();
    assert_eq!(upgrade.len(), 1, "{warnings:?}");
    assert!(
        upgrade[0].contains("upgraded") && upgrade[0].contains("no base changes"),
        "{}",
        upgrade[0]
    );
    let b = d.genotype().background.as_ref().unwrap();
    assert_eq!(b.alleles[0].edit_ids, [EditId(4), EditId(6)]);
    assert!(
        b.alleles[0].lesion.contains("MATA2"),
        "{}",
        b.alleles[0].lesion
    );
    assert_eq!(d.genotype().perturbations[0].edit_ids, [EditId(5)]);
    // The upgraded design is today's, edit for edit (ids aside): same spans, bases, annotation.
    let want = today(g);
    let content = |d: &Design| {
        let mut v: Vec<_> = d
            .edits()
            .iter()
            .map(|e| {
                (
                    e.contig,
                    e.span,
                    e.sequence.clone(),
                    e.feature.clone(),
                    d.is_enabled(e.id),
                )
            })
            .collect();
        v.sort_by_key(|x| (x.0, x.1.start(), x.1.end()));
        v
    };
    assert_eq!(content(&d), content(&want));
    // The a2 edit changes no base.
    let a2 = d.edit(EditId(6)).unwrap();
    assert_eq!(
        g.sequence(a2.contig, a2.span).unwrap().to_ascii_uppercase(),
        &*a2.sequence
    );
    // Written again, it reads back without a warning about MATa.
    let again = serde_json::to_value(export(
        g,
        &d,
        &ReferenceSpec::of(g),
        "x",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ))
    .unwrap();
    let (_, w) = read(g, &again);
    assert!(!w.iter().any(|w| w.contains("MATa")), "{w:?}");
}

#[test]
fn an_older_mata_with_other_bases_is_kept_as_written_and_said_so() {
    let g = &common::default_genome().genome;
    let mut v = as_the_old_writer_wrote_it(g);
    // As the first MATa model wrote it: the swap widened 5 bases into X (their bases kept).
    let e = &mut v["edits"][4];
    let start = e["start"].as_u64().unwrap();
    let iii = g.contig_by_name("III").unwrap();
    let x = g
        .sequence(iii, Span::new(Pos(start - 6), Pos(start - 1)).unwrap())
        .unwrap()
        .to_ascii_uppercase();
    e["start"] = json!(start - 5);
    e["sequence"] = json!(format!(
        "{}{}",
        String::from_utf8(x).unwrap(),
        e["sequence"].as_str().unwrap()
    ));
    let (d, warnings) = read(g, &v);
    let kept: Vec<&String> = warnings.iter().filter(|w| w.contains("MATa")).collect();
    assert_eq!(kept.len(), 1, "{warnings:?}");
    assert!(kept[0].contains("kept as written"), "{}", kept[0]);
    let b = d.genotype().background.as_ref().unwrap();
    assert_eq!(b.alleles[0].edit_ids, [EditId(4)]);
    assert_eq!(d.edits().len(), 6);
    assert_eq!(d.edit(EditId(4)).unwrap().span.start(), Pos(start - 6));
}
