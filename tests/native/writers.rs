//! What `apply`, `summary`, `views` and `cassettes` write stays true and parseable whatever the
//! input: `##sequence-region` from the edited length in FASTA order (none for a contig deleted
//! whole, whose chromosome line goes too), chain headers with the real sizes and valid syntax,
//! report rows that never split, no formatting width from input, flanks that never wrap, and
//! cassette sequences of nucleotide codes only.

use crate::common;

use std::collections::HashMap;
use std::path::PathBuf;

use genoforge::core::design::Design;
use genoforge::core::lift::Lifted;
use genoforge::core::ml::{Flanks, sequence_windows};
use genoforge::io::edits_json;

/// Runs `apply` on the regions case with `edits`; returns (exit, stderr, output directory).
fn apply(edits: &str) -> (Option<i32>, String, PathBuf) {
    let dir = common::case("regions");
    let out = common::scratch(&format!("writers-{edits}"));
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let o = common::genoforge_in(
        &out,
        &[
            "apply",
            "--gff",
            &p("genes.gff3"),
            "--fasta",
            &p("ref.fa"),
            "--edits",
            &p(edits),
            "--out-gff",
            "out.gff3",
            "--out-fasta",
            "out.fa",
            "--chain",
            "out.chain",
            "--report",
            "out.tsv",
        ],
    );
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        out,
    )
}

/// FASTA record lengths by name.
fn fasta_lengths(text: &str) -> Vec<(String, u64)> {
    common::fasta_records(text)
        .into_iter()
        .map(|(n, s)| (n, s.len() as u64))
        .collect()
}

#[test]
fn sequence_regions_follow_the_edited_sequence_in_fasta_order() {
    let (code, stderr, out) = apply("edits.json");
    assert_eq!(code, Some(0), "{stderr}");
    let gff = std::fs::read_to_string(out.join("out.gff3")).unwrap();
    let regions: Vec<&str> = gff
        .lines()
        .filter(|l| l.starts_with("##sequence-region"))
        .collect();
    // chr1 100 − 41 − 6 = 53; chr2 unchanged; the seqid "I I" is written escaped (GFF3 asks
    // for it), its length from its features, after the sequences in FASTA order.
    assert_eq!(
        regions,
        [
            "##sequence-region chr2 1 70",
            "##sequence-region chr1 1 53",
            "##sequence-region I%20I 1 4"
        ],
        "{gff}"
    );
    assert!(gff.contains("I%20I\tx\tgene\t1\t4\t"), "{gff}");
    assert!(gff.contains("chr1\tx\tchromosome\t1\t53\t"), "{gff}");
    if let Some(r) = common::gt_validate(&out.join("out.gff3")) {
        r.unwrap();
    }
    let fa = fasta_lengths(&std::fs::read_to_string(out.join("out.fa")).unwrap());
    assert_eq!(fa, [("chr2".to_owned(), 70), ("chr1".to_owned(), 53)]);
}

#[test]
fn a_contig_deleted_whole_has_no_region_and_no_chromosome_line() {
    let (code, stderr, out) = apply("delete_contig.json");
    assert_eq!(code, Some(0), "{stderr}");
    let gff = std::fs::read_to_string(out.join("out.gff3")).unwrap();
    assert!(!gff.contains("chr2"), "{gff}");
    assert!(gff.contains("##sequence-region chr1 1 100"));
    if let Some(r) = common::gt_validate(&out.join("out.gff3")) {
        r.unwrap();
    }
    assert!(stderr.contains("no chain for chr2") && stderr.contains("no reference base survives"));
}

#[test]
fn chain_headers_carry_real_sizes_and_valid_syntax() {
    let (code, stderr, out) = apply("edits.json");
    assert_eq!(code, Some(0), "{stderr}");
    let fa: HashMap<String, u64> =
        fasta_lengths(&std::fs::read_to_string(out.join("out.fa")).unwrap())
            .into_iter()
            .collect();
    let reference: HashMap<&str, u64> = [("chr1", 100), ("chr2", 70)].into();
    let chain = std::fs::read_to_string(out.join("out.chain")).unwrap();
    let headers: Vec<Vec<&str>> = chain
        .lines()
        .filter(|l| l.starts_with("chain"))
        .map(|l| l.split(' ').collect())
        .collect();
    assert_eq!(headers.len(), 2, "{chain}");
    for h in &headers {
        assert_eq!(h.len(), 13, "{h:?}");
        assert_eq!(h[3].parse::<u64>().unwrap(), reference[h[2]], "{h:?}");
        assert_eq!(h[8].parse::<u64>().unwrap(), fa[h[7]], "{h:?}");
    }
    // The sequence-less contig "I I" (escaped I%20I) has no chain, and says why.
    assert!(
        stderr.contains("no chain for I%20I") && stderr.contains("no sequence"),
        "{stderr}"
    );
    // Blocks add up: reference bases aligned plus gaps equal each side's span.
    let mut lines = chain.lines();
    while let Some(h) = lines.next() {
        if !h.starts_with("chain") {
            continue;
        }
        let f: Vec<u64> = h.split(' ').filter_map(|x| x.parse().ok()).collect();
        // score tSize tStart tEnd qSize qStart qEnd id
        let (t_span, q_span) = (f[3] - f[2], f[6] - f[5]);
        let (mut t, mut q) = (0, 0);
        for b in lines.by_ref() {
            if b.is_empty() {
                break;
            }
            let n: Vec<u64> = b.split('\t').map(|x| x.parse().unwrap()).collect();
            t += n[0] + n.get(1).unwrap_or(&0);
            q += n[0] + n.get(2).unwrap_or(&0);
        }
        assert_eq!((t, q), (t_span, q_span), "{h}");
    }
}

#[test]
fn report_rows_never_split() {
    let (code, stderr, out) = apply("edits.json");
    assert_eq!(code, Some(0), "{stderr}");
    let tsv = std::fs::read_to_string(out.join("out.tsv")).unwrap();
    let header = tsv.lines().next().unwrap().split('\t').count();
    assert!(tsv.lines().count() > 1, "{tsv}");
    for row in tsv.lines() {
        assert_eq!(row.split('\t').count(), header, "{row:?}");
    }
    // g1's Name decodes to "tab<TAB>name": written escaped.
    assert!(tsv.contains("tab\\tname"), "{tsv}");
    assert_eq!(
        genoforge::io::report::tsv_field("a\nb\\c\u{1}"),
        "a\\nb\\\\c\\x01"
    );
}

#[test]
fn summary_takes_no_width_from_input() {
    let out = common::scratch("long-name");
    let name = "x".repeat(70_000);
    std::fs::write(out.join("long.fa"), format!(">{name}\nACGT\n")).unwrap();
    let o = common::genoforge_in(&out, &["summary", "--fasta", "long.fa"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains(&name));
}

#[test]
fn flanks_never_wrap() {
    let loaded = common::load_case("chr1");
    let bytes = std::fs::read(common::case("json/disabled.json")).unwrap();
    let mut design = Design::new();
    edits_json::apply(
        &edits_json::parse(&bytes).unwrap(),
        &loaded.genome,
        &mut design,
    )
    .unwrap();
    let lifted = Lifted::new(&loaded.genome, &design);
    let flanks = Flanks {
        upstream: u64::MAX,
        downstream: u64::MAX,
    };
    let windows = sequence_windows(&loaded.genome, &design, &lifted, flanks);
    assert_eq!(windows.len(), 2);
    for w in &windows {
        // The window is the whole (edited) contig, and it contains the CDS.
        assert_eq!((w.start, w.end), (1, 118), "{}", w.id);
        assert!(w.start <= w.cds_start && w.cds_end <= w.end);
        assert_eq!(w.sequence.len(), 118);
        assert_eq!(
            w.upstream + w.downstream + (w.cds_end - w.cds_start + 1),
            118
        );
    }
}

#[test]
fn cassette_sequences_are_nucleotide_codes_only() {
    let out = common::scratch("cassettes");
    let from = out.join("cas");
    std::fs::create_dir(&from).unwrap();
    for f in genoforge::io::cassette::marker::PLASMID_FILES {
        std::fs::copy(common::data("cassettes").join(f), from.join(f)).unwrap();
    }
    // A GenBank ORIGIN line with letters that are not nucleotide codes.
    let nat = from.join("pAG25_natMX4.gb");
    let text = std::fs::read_to_string(&nat).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("541 "))
        .unwrap();
    let mangled = line
        .replacen(' ', " joplefzq", 2)
        .replacen(" joplefzq", " ", 1);
    std::fs::write(&nat, text.replace(line, &mangled)).unwrap();
    let o = common::genoforge_in(&out, &["cassettes", "--from", "cas", "--out", "lib.json"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pAG25_natMX4.gb")
            && stderr.contains("'j' in the ORIGIN sequence is not an IUPAC nucleotide code"),
        "{stderr}"
    );
    assert!(!out.join("lib.json").exists());
}
