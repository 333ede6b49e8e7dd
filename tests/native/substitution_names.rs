//! A substitution given by nucleotide position (an edits file's `replace`, no perturbation naming
//! it) is named in the exports as a point mutation by coding position, HGVS-like, with its protein
//! consequence — `pho5-c.70A>G(K24E)`
//! — as `point_name.rs` writes one given by coding position; on the real S288C genome.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::lift::Lifted;
use genoforge::core::seq::revcomp;
use genoforge::io::gff3;

fn other(b: u8) -> u8 {
    match b {
        b'A' => b'G',
        b'G' => b'A',
        b'C' => b'T',
        _ => b'C',
    }
}

#[test]
fn a_plain_coding_substitution_is_named_by_coding_position_like_a_point_mutation() {
    let g = &common::default_genome().genome;
    // PHO5 (YBR093C) reads on −: coding base 70 (the first of codon 24) is a + strand base.
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let orf = Orf::of(g, pho5).unwrap();
    let at = orf.ref_pos(69).unwrap();
    let was = orf.coding[69];
    let new = other(was);
    let mut d = Design::new();
    d.add(
        g,
        EditRequest {
            contig: orf.contig,
            span: genoforge::core::coord::Span::new(at, genoforge::core::coord::Pos(at.get() + 1))
                .unwrap(),
            sequence: revcomp(&[new]),
            op: EditOp::Replace,
            label: None,
            feature: None,
        },
    )
    .unwrap();
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, &d, &Lifted::new(g, &d)).unwrap();
    let text = String::from_utf8(out).unwrap();
    let cds = text
        .lines()
        .find(|l| l.contains("\tCDS\t") && l.contains("ID=CDS:YBR093C"))
        .unwrap();
    // Named with what it does to codon 24, a lysine codon (K24E, K24Q, …).
    let mut codon = orf.coding[69..72].to_vec();
    codon[0] = new;
    let expected = format!(
        "pho5-c.70{}>{}(K24{})",
        was as char,
        new as char,
        genoforge::core::seq::translate(&codon)
    );
    assert!(
        cds.contains(&format!("edit_status=substituted;edit={expected}")),
        "{cds}"
    );
    // The same name a point mutation given by coding position gets.
    let (plan, _) = plan_point_mutation(
        g,
        pho5,
        &parse_change(&format!("c.70{}>{}", was as char, new as char)).unwrap(),
    )
    .unwrap();
    assert_eq!(plan.perturbation.designation, expected);
}
