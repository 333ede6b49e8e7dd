//! Dataset readers: each released format, gzip, names that do not resolve, truncated files, wrong
//! headers, chunking, the DCell Costanzo pairs, the stored binary form.

use crate::datasets_support::*;
use genoforge::core::datasets::data::DataStatus;
use genoforge::core::datasets::evaluation::key_text;
use genoforge::core::datasets::info::PerturbationKind;
use genoforge::core::datasets::intern::Interner;
use genoforge::core::datasets::key::KeyKind;
use genoforge::core::datasets::resolve::{NameProblem, SystematicNames};
use genoforge::io::datasets::binary::{DecodeError, decode, encode};
use genoforge::io::datasets::error::ImportError;
use genoforge::io::datasets::format::{ColumnMapping, Format, FormatHint, SniffError};
use genoforge::io::datasets::import::{ImportOptions, Importer, import_bytes};

fn texts(
    f: &genoforge::io::datasets::import::FileImport,
    kind: KeyKind,
    i: &Interner,
) -> Vec<String> {
    let mut v: Vec<String> = f
        .data
        .keys(kind, i)
        .as_slice()
        .iter()
        .map(|&k| key_text(k, kind, i))
        .collect();
    v.sort();
    v
}

#[test]
fn costanzo_rows_become_genotypes_with_temperatures() {
    let mut i = Interner::default();
    let f = import(costanzo_small().as_bytes(), &mut i);
    assert_eq!(f.format, Format::Costanzo2016);
    assert_eq!(f.stats.rows, 6);
    assert_eq!(f.data.records, 6);
    assert_eq!(
        texts(&f, KeyKind::GenotypeEnvironment, &i),
        [
            "YAL001C;YAL002W\t30C",
            "YAL002W;YBR188C\t30C",
            "YBR188C;YMR296C\t26C",
            "YBR188C;YMR296C\t30C",
            "YMR296C\t30C",
        ]
    );
    assert_eq!(
        texts(&f, KeyKind::Genotype, &i),
        [
            "YAL001C;YAL002W",
            "YAL002W;YBR188C",
            "YBR188C;YMR296C",
            "YMR296C"
        ]
    );
    assert_eq!(
        texts(&f, KeyKind::Gene, &i),
        ["YAL001C", "YAL002W", "YBR188C", "YMR296C"]
    );
    // The row naming YMR296C as query and array is one single-gene genotype, counted.
    assert_eq!(f.stats.repeated_gene.count, 1);
    assert_eq!(f.stats.repeated_gene.first_lines, vec![7]);
    let p = &f.stats.perturbations;
    assert_eq!(p[&PerturbationKind::SgaNatmxDeletion], 3);
    assert_eq!(p[&PerturbationKind::KanmxDeletion], 3);
    assert_eq!(p[&PerturbationKind::TemperatureSensitiveAllele], 6);
    assert!(f.names.is_clean());
}

#[test]
fn kuzmin_drops_ho_counts_mismatches_and_repeats() {
    let mut i = Interner::default();
    let f = import(kuzmin_small().as_bytes(), &mut i);
    assert_eq!(f.format, Format::Kuzmin { year: 2018 });
    assert_eq!(
        texts(&f, KeyKind::Genotype, &i),
        [
            "YAL015C;YBR188C",
            "YAL015C;YBR188C;YMR296C",
            "YAL015C;YMR296C"
        ]
    );
    assert_eq!(f.stats.ho_dropped, 2);
    // Row 4 (line 4) is trigenic but names two genes besides HO; row 5 names YBR188C twice.
    assert_eq!(f.stats.mutant_type_mismatch.count, 1);
    assert_eq!(f.stats.mutant_type_mismatch.first_lines, vec![4]);
    assert_eq!(f.stats.repeated_gene.count, 1);
    assert_eq!(f.stats.repeated_gene.first_lines, vec![5]);

    let keep = ImportOptions {
        keep_ho: true,
        ..ImportOptions::default()
    };
    let mut i2 = Interner::default();
    let f2 = import_bytes(
        kuzmin_small().as_bytes(),
        "k",
        keep,
        &mut i2,
        &SystematicNames,
    )
    .unwrap();
    assert_eq!(
        texts(&f2, KeyKind::Genotype, &i2),
        [
            "YAL015C;YBR188C",
            "YAL015C;YBR188C;YDL227C",
            "YAL015C;YBR188C;YMR296C",
            "YAL015C;YDL227C;YMR296C"
        ]
    );
    assert_eq!(f2.stats.ho_dropped, 0);
    // Keeping HO does not change which rows disagree with their mutant type.
    assert_eq!(f2.stats.mutant_type_mismatch.count, 1);

    let f2020 = import(
        format!("{KUZMIN2020_HEADER}\n{}\n", kuzmin_rows()[0]).as_bytes(),
        &mut Interner::default(),
    );
    assert_eq!(f2020.format, Format::Kuzmin { year: 2020 });
}

#[test]
fn tables_csv_tsv_gzip_several_columns_and_mapping() {
    let mut i = Interner::default();
    let csv = "genes,temperature,fitness\n\"YAL001C;YBR188C\",30,0.8\nYAL001C+YMR296C,26,0.7\nYMR296C|YAL001C,26,0.7\nYBR188C,30,0.9\n";
    let f = import(csv.as_bytes(), &mut i);
    let Format::Table(t) = &f.format else {
        panic!("{:?}", f.format)
    };
    assert_eq!(
        (t.delimiter, t.environment, t.phenotype),
        (',', Some(1), Some(2))
    );
    assert_eq!(
        texts(&f, KeyKind::GenotypeEnvironment, &i),
        ["YAL001C;YBR188C\t30", "YAL001C;YMR296C\t26", "YBR188C\t30"]
    );

    let tsv =
        "gene1\tgene2\tgene3\tcondition\nYAL001C\tYBR188C\t\tYPD\nYBR188C\tYAL001C\tYMR296C\tYPD\n";
    let gz = gzip(tsv.as_bytes());
    let mut i2 = Interner::default();
    let f2 = import(&gz, &mut i2);
    assert_eq!(f2.compression, "gzip");
    assert_eq!(
        texts(&f2, KeyKind::GenotypeEnvironment, &i2),
        ["YAL001C;YBR188C\tYPD", "YAL001C;YBR188C;YMR296C\tYPD"]
    );
    // The source keeps the stored (compressed) size and its SHA-256.
    assert_eq!(f2.data.sources[0].bytes, gz.len() as u64);
    assert_eq!(f2.data.sources[0].sha256.len(), 64);

    // An explicit mapping overrides what the header suggests.
    let odd = "mutant_orfs\tdrug\nYAL001C YBR188C\tbenomyl\n";
    let opts = ImportOptions {
        format: Some(FormatHint::Table),
        mapping: ColumnMapping {
            genes: Some("mutant_orfs".into()),
            environment: Some("drug".into()),
            ..ColumnMapping::default()
        },
        ..ImportOptions::default()
    };
    let mut i3 = Interner::default();
    let f3 = import_bytes(odd.as_bytes(), "odd.tsv", opts, &mut i3, &SystematicNames).unwrap();
    assert_eq!(
        texts(&f3, KeyKind::GenotypeEnvironment, &i3),
        ["YAL001C;YBR188C\tbenomyl"]
    );
}

#[test]
fn gene_lists_with_and_without_header() {
    let mut i = Interner::default();
    let f = import(
        b"All essential genes found in lists:['a', 'b']\nYAL001C\nyal003w\n\nYAL001C\n",
        &mut i,
    );
    assert_eq!(f.format, Format::GeneList { header: true });
    assert_eq!(texts(&f, KeyKind::Genotype, &i), ["YAL001C", "YAL003W"]);
    let f2 = import(b"# comment\nYAL001C\nYBR188C", &mut i);
    assert_eq!(f2.format, Format::GeneList { header: false });
    assert_eq!(f2.data.keys.len(), 2);
}

#[test]
fn unknown_and_ambiguous_names_are_kept_counted_and_listed() {
    let mut i = Interner::default();
    let table = "genes\tenvironment\nTFC3;ntc20\t30\nshared;YAL001C\t30\nfoo1;bar2\t30\nfoo1\t26\n";
    let f = import_bytes(
        table.as_bytes(),
        "names.tsv",
        ImportOptions::default(),
        &mut i,
        &TableResolver::yeast(),
    )
    .unwrap();
    assert_eq!(
        texts(&f, KeyKind::GenotypeEnvironment, &i),
        [
            "BAR2;FOO1\t30",
            "FOO1\t26",
            "SHARED;YAL001C\t30",
            "YAL001C;YBR188C\t30",
        ]
    );
    assert_eq!(
        (f.names.unknown, f.names.ambiguous, f.names.occurrences),
        (2, 1, 4)
    );
    let listed: Vec<(&str, u64)> = f
        .names
        .first
        .iter()
        .map(|r| (r.name.as_str(), r.line))
        .collect();
    assert_eq!(listed, [("shared", 3), ("foo1", 4), ("bar2", 4)]);
    assert_eq!(
        f.names.first[0].problem,
        NameProblem::Ambiguous {
            candidates: vec!["YAL001C".into(), "YBR188C".into()]
        }
    );
    // Only the first 20 distinct names are listed; all are counted.
    let many: String = (0..30).map(|n| format!("NOTAGENE{n}\n")).collect();
    let f2 = import(format!("gene\n{many}").as_bytes(), &mut Interner::default());
    assert_eq!(f2.names.unknown, 30);
    assert_eq!(f2.names.first.len(), 20);
    assert_eq!(f2.names.first[19].line, 21);
}

#[test]
fn a_truncated_file_and_a_wrong_header_are_typed_errors() {
    let text = costanzo_small();
    let cut = text.len() - 30;
    let err = import_bytes(
        &text.as_bytes()[..cut],
        "cut.txt",
        ImportOptions::default(),
        &mut Interner::default(),
        &SystematicNames,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::FieldCount {
                line: 7,
                expected: 11,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("truncated"), "{err}");

    let gz = gzip(text.as_bytes());
    let err = import_bytes(
        &gz[..gz.len() - 10],
        "cut.gz",
        ImportOptions::default(),
        &mut Interner::default(),
        &SystematicNames,
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Gzip { .. }), "{err:?}");

    let err = import_bytes(
        b"sample\tvalue\tnote\nA\t1\tx\nB\t2\ty\n",
        "wrong.tsv",
        ImportOptions::default(),
        &mut Interner::default(),
        &SystematicNames,
    )
    .unwrap_err();
    let ImportError::Format(SniffError::Unrecognised { line: 1, .. }) = &err else {
        panic!("{err:?}")
    };
    let msg = err.to_string();
    assert!(
        msg.contains("Query Strain ID")
            && msg.contains("Combined mutant type")
            && msg.contains("gene list"),
        "{msg}"
    );

    let opts = ImportOptions {
        format: Some(FormatHint::Kuzmin),
        ..ImportOptions::default()
    };
    let err = import_bytes(
        costanzo_small().as_bytes(),
        "c",
        opts,
        &mut Interner::default(),
        &SystematicNames,
    )
    .unwrap_err();
    assert!(
        matches!(err, ImportError::Format(SniffError::NotThatFormat { .. })),
        "{err:?}"
    );
}

#[test]
fn any_chunking_gives_the_same_keys_and_progress() {
    let text = format!("{}{}", costanzo_small(), "");
    let gz = gzip(text.as_bytes());
    let mut reference = Interner::default();
    let whole = import(text.as_bytes(), &mut reference);
    for bytes in [text.as_bytes(), gz.as_slice()] {
        for size in [1, 2, 7, 64, 1000] {
            let mut i = Interner::default();
            let mut imp = Importer::new("chunks", ImportOptions::default());
            for c in bytes.chunks(size) {
                imp.feed(c, &mut i, &SystematicNames).unwrap();
            }
            assert_eq!(imp.progress().bytes, bytes.len() as u64);
            let f = imp.finish(&mut i, &SystematicNames).unwrap();
            assert_eq!(
                texts(&f, KeyKind::GenotypeEnvironment, &i),
                texts(&whole, KeyKind::GenotypeEnvironment, &reference),
                "chunk size {size}"
            );
            assert_eq!(f.stats.rows, 6);
        }
    }
}

#[test]
fn dcell_costanzo_pairs_are_real_double_mutant_genotypes() {
    let dir = real_data().join("costanzo2016");
    let mut i = Interner::default();
    let mut all = None;
    for name in [
        "DCell_GO0006281_training_data_2016_0.tsv",
        "DCell_GO0006281_testing_data_2016_0.tsv",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let f = import(&bytes, &mut i);
        let Format::Table(t) = &f.format else {
            panic!("{:?}", f.format)
        };
        assert!(!t.header);
        match &mut all {
            None => all = Some(f.data),
            Some(d) => d.merge(f.data),
        }
    }
    let data = all.unwrap();
    assert_eq!(data.records, 8_783 + 2_868);
    // 11,651 pairs over 162 ORFs, all in the Costanzo 2016 gene list (SOURCES.md).
    assert_eq!(data.keys(KeyKind::Genotype, &i).len(), 11_651);
    let genes = data.genes(&i);
    assert_eq!(genes.len(), 162);
    let list = std::fs::read_to_string(
        crate::common::root().join("public/data/datasets/costanzo2016_genes_dcell.txt"),
    )
    .unwrap();
    let universe: std::collections::HashSet<&str> = list.lines().map(str::trim).collect();
    assert!(genes.iter().all(|&g| universe.contains(i.genes.name(g))));
    assert!(
        data.keys(KeyKind::Genotype, &i)
            .as_slice()
            .iter()
            .all(|&k| { genoforge::core::datasets::key::genes(k, &i).len() == 2 })
    );
}

#[test]
fn stored_form_round_trips_and_rejects_damage() {
    let mut i = Interner::default();
    let f = import(costanzo_small().as_bytes(), &mut i);
    let info = genoforge::core::datasets::registry::find("costanzo2016_dmf").unwrap();
    let stored = encode(&info, &f.data, &i);
    // Decoding into another session (other ids) gives the same keys as text.
    let mut other = Interner::default();
    other.gene("YZZ999W");
    let (meta, data) = decode(&stored, &mut other).unwrap();
    assert_eq!(meta.info, info);
    assert_eq!(meta.sources, f.data.sources);
    assert_eq!(data.status, DataStatus::Imported);
    let text = |d: &genoforge::core::datasets::data::DatasetData, i: &Interner| {
        let mut v: Vec<String> = d
            .keys
            .as_slice()
            .iter()
            .map(|&k| key_text(k, KeyKind::GenotypeEnvironment, i))
            .collect();
        v.sort();
        v
    };
    assert_eq!(text(&data, &other), text(&f.data, &i));

    let mut bad = stored.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    assert_eq!(
        decode(&bad, &mut Interner::default()).unwrap_err(),
        DecodeError::ChecksumMismatch
    );
    assert!(matches!(
        decode(&stored[..20], &mut Interner::default()).unwrap_err(),
        DecodeError::Truncated(_) | DecodeError::ChecksumMismatch
    ));
    assert_eq!(
        decode(
            b"PK\x03\x04 not ours, long enough to pass the length check.....",
            &mut Interner::default()
        )
        .unwrap_err(),
        DecodeError::BadMagic
    );
    let mut v2 = stored.clone();
    v2[4] = 9;
    assert_eq!(
        decode(&v2, &mut Interner::default()).unwrap_err(),
        DecodeError::UnsupportedVersion(9)
    );
    // Every truncation is an error, never a panic.
    for cut in 0..stored.len() {
        assert!(decode(&stored[..cut], &mut Interner::default()).is_err());
    }
}

#[test]
fn the_genome_is_a_gene_resolver() {
    use genoforge::core::datasets::resolve::{GeneResolver, Resolved};
    let genome = &crate::common::default_genome().genome;
    assert_eq!(genome.resolve("TFC3"), Resolved::Found("YAL001C".into()));
    assert_eq!(genome.resolve("yal001c"), Resolved::Found("YAL001C".into()));
    assert_eq!(genome.resolve("NOTAGENE"), Resolved::Unknown);
    let mut i = Interner::default();
    let f = import_bytes(
        b"gene\nTFC3\nvps8\nYAL001C\nNOTAGENE\n",
        "g.txt",
        ImportOptions::default(),
        &mut i,
        genome,
    )
    .unwrap();
    assert_eq!(
        texts(&f, KeyKind::Gene, &i),
        ["NOTAGENE", "YAL001C", "YAL002W"]
    );
    assert_eq!(f.names.unknown, 1);
}

#[test]
fn damaged_input_never_panics() {
    // Mutations of valid files in each format (bytes flipped, cut, lines duplicated), imported in
    // odd chunk sizes, and of the stored form: an error or a result, never a panic.
    let mut seeds = vec![
        costanzo_small().into_bytes(),
        kuzmin_small().into_bytes(),
        b"genes,environment\nYAL001C;YBR188C,30\n\"YAL001C,YMR296C\",26\n".to_vec(),
        b"2 YLR035C YML060W 0.0447\n2 YER142C YHL006C 0.0094\n".to_vec(),
        b"All essential genes\nYAL001C\nYAL003W\n".to_vec(),
    ];
    seeds.push(gzip(&seeds[0]));
    let mut rng = Rng(0x9e37_79b9);
    for seed in &seeds {
        for _ in 0..300 {
            let mut b = seed.clone();
            match rng.below(4) {
                0 => {
                    let at = rng.below(b.len());
                    b[at] = rng.next() as u8;
                }
                1 => b.truncate(rng.below(b.len())),
                2 => {
                    let at = rng.below(b.len());
                    let bytes: Vec<u8> = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
                    b.splice(at..at, bytes);
                }
                _ => {
                    let at = rng.below(b.len());
                    let end = (at + rng.below(60)).min(b.len());
                    let copy = b[at..end].to_vec();
                    b.splice(at..at, copy);
                }
            }
            let mut i = Interner::default();
            let mut imp = Importer::new("fuzz", ImportOptions::default());
            let size = 1 + rng.below(50);
            let mut ok = true;
            for c in b.chunks(size) {
                if imp.feed(c, &mut i, &SystematicNames).is_err() {
                    ok = false;
                    break;
                }
            }
            if ok {
                let _ = imp.finish(&mut i, &SystematicNames);
            }
        }
    }
    let mut i = Interner::default();
    let f = import(costanzo_small().as_bytes(), &mut i);
    let info = genoforge::core::datasets::registry::find("costanzo2016_dmf").unwrap();
    let stored = encode(&info, &f.data, &i);
    for n in 0..4_000 {
        let mut b = stored.clone();
        let body = b.len() - 32;
        let at = 5 + rng.below(body - 5);
        b[at] = rng.next() as u8;
        if n % 2 == 0 {
            // Re-seal: the damage passes the checksum and reaches the parser.
            use sha2::Digest;
            let sum = sha2::Sha256::digest(&b[..body]);
            b[body..].copy_from_slice(&sum);
        }
        let _ = decode(&b, &mut Interner::default());
    }
}
