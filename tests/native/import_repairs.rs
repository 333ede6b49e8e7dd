//! Sloppy but common GFF3 is repaired with one warning per kind and written back in canonical
//! form; what cannot be repaired is dropped with an error, and its children lose the link (no
//! dangling `Parent`); coordinates near `u64::MAX` are refused at load. Every output passes
//! `gt gff3validator`.

use crate::common;

use std::path::Path;

use genoforge::core::genome::diagnostics::Severity;

/// Runs `apply` on a case folder (genes.gff3, ref.fa, edits.json); returns (exit code, stderr,
/// output GFF3, output FASTA bases).
fn apply(case: &str, extra: &[&str]) -> (Option<i32>, String, String, String) {
    let dir = common::case(case);
    let out = common::scratch(&format!("repairs-{case}"));
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let mut args = vec![
        "apply".to_owned(),
        "--gff".into(),
        p("genes.gff3"),
        "--fasta".into(),
        p("ref.fa"),
        "--edits".into(),
        p("edits.json"),
        "--out-gff".into(),
        "out.gff3".into(),
        "--out-fasta".into(),
        "out.fa".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = common::genoforge_in(&out, &args);
    let read = |n: &str| std::fs::read_to_string(out.join(n)).unwrap_or_default();
    let bases: String = read("out.fa")
        .lines()
        .filter(|l| !l.starts_with('>'))
        .collect();
    if o.status.success() {
        assert_gt_valid(&out.join("out.gff3"));
    }
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        read("out.gff3"),
        bases,
    )
}

fn assert_gt_valid(path: &Path) {
    if let Some(r) = common::gt_validate(path) {
        r.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

fn feature_lines(gff: &str) -> Vec<Vec<&str>> {
    gff.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

#[test]
fn sloppy_gff3_is_repaired_with_one_warning_per_kind() {
    let (code, stderr, gff, bases) = apply("sloppy", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    // The version line first, then the design's header comments, then the region line.
    let header: Vec<&str> = gff.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(header.first(), Some(&"##gff-version 3"), "{gff}");
    assert_eq!(header.last(), Some(&"##sequence-region chr1 1 95"), "{gff}");
    let lines = feature_lines(&gff);
    assert_eq!(lines.len(), 6, "{gff}");
    for l in &lines {
        assert_eq!(l.len(), 9, "{l:?}");
        for field in l[8].split(';') {
            let (tag, value) = field.split_once('=').unwrap_or((field, ""));
            assert!(
                field == "." || (!tag.contains(' ') && !tag.is_empty() && !value.is_empty()),
                "{l:?}"
            );
        }
    }
    let coords: Vec<(&str, &str, &str, &str)> =
        lines.iter().map(|l| (l[2], l[3], l[4], l[7])).collect();
    assert_eq!(
        coords,
        [
            ("gene", "2", "31", "."),
            ("CDS", "2", "31", "0"),
            ("gene", "36", "55", "."),
            ("repeat_region", "60", "65", "."),
            ("gene", "66", "75", "."),
            ("CDS", "66", "74", "0"),
        ]
    );
    assert_eq!(lines[1][8], "ID=1;Parent=gene1;gene_type=native");
    // The deletion (36–40) takes the 5 bp right 5′ of g2 (+, from 41): its promoter is lost.
    assert_eq!(
        lines[2][8],
        "ID=g2;Name=foo;edit_status=promoter_lost;edit=edit #1 (id 0)"
    );
    assert_eq!(bases.len(), 95);
    // One warning per kind, with the count and the first line.
    for (kind, count, line) in [
        ("blanks around ';', '=' or ','", 1, 2),
        ("empty fields or values", 3, 1),
        ("empty columns after column 9", 1, 5),
        ("a CDS without a valid phase", 1, 6),
    ] {
        let hits: Vec<&str> = stderr.lines().filter(|l| l.contains(kind)).collect();
        assert_eq!(hits.len(), 1, "{kind}: {stderr}");
        assert!(
            hits[0].contains(&format!("line {line}:"))
                && hits[0].contains(&format!("repaired {count} line(s)")),
            "{}",
            hits[0]
        );
    }
}

#[test]
fn untouched_valid_lines_stay_byte_identical() {
    // The chr1 case genome is valid: with an edit far from its genes, every feature line and
    // the ##sequence-region line come back unchanged.
    let loaded = common::load_case("chr1");
    let input = std::fs::read_to_string(common::case("chr1/genes.gff3")).unwrap();
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.severity < Severity::Warning),
        "{:?}",
        loaded.diagnostics
    );
    let design = genoforge::core::design::Design::new();
    let lifted = genoforge::core::lift::Lifted::new(&loaded.genome, &design);
    let mut out = Vec::new();
    genoforge::io::gff3::writer::write(&mut out, &loaded.genome, &design, &lifted).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), input);
}

#[test]
fn a_skipped_line_leaves_no_dangling_parent() {
    let (code, stderr, gff, _) = apply("dropped_parent", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    // ' 5' is repaired (gt reads it too); '1x0' is not a number: that mRNA is skipped.
    assert!(
        stderr.contains("line 3: line skipped: illegal feature start '1x0'"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("line 4: Parent 'm1' of this exon was defined on line 3, which was skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 5: Parent 'm1' of this CDS"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Parent 'nowhere' of this gene was not defined"),
        "{stderr}"
    );
    let lines = feature_lines(&gff);
    assert_eq!(lines.len(), 4, "{gff}");
    assert_eq!((lines[0][3], lines[0][8]), ("5", "ID=g1"));
    assert!(
        !gff.contains("Parent=m1") && !gff.contains("nowhere"),
        "{gff}"
    );
    assert_eq!(lines[2][8], "ID=cds1");
    // --strict: the skipped line is an error, so nothing is written.
    let (code, stderr, _, _) = apply("dropped_parent", &["--strict"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
}

#[test]
fn coordinates_beyond_the_contig_or_2_62_are_refused_at_load() {
    let (code, stderr, gff, bases) = apply("huge_coordinates", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("line 2: line skipped: feature end 18446744073709551615"));
    assert!(stderr.contains("line 3: line skipped: feature end 9223372036854775807"));
    assert!(
        stderr.contains(
            "line 5: line skipped: this gene ends at 90, beyond the end of 'Mito' (80 bp)"
        )
    );
    let lines = feature_lines(&gff);
    assert_eq!(lines.len(), 1);
    // The insertion after base 40 leaves Q3 (5..25) where it was.
    assert_eq!((lines[0][3], lines[0][4]), ("5", "25"));
    assert_eq!(bases.len(), 83);
}
