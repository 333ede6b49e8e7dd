//! Issue 4 on the real genome: strains by name vs explicit edits, schema validation, refusals,
//! nomenclature round trips, gene lists, cassettes, ML views.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::design::genotype::{GeneSet, Zygosity};
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{
    add_insertion, apply_sketch, delete_gene, delete_genes, set_background,
};
use genoforge::core::genetics::gene_list;
use genoforge::core::genetics::nomenclature::{format, parse, sketch_of};
use genoforge::core::genetics::strain::strain;
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::EditedGenome;
use genoforge::core::ml::{Flanks, GeneStatus, gene_nodes, sequence_windows};
use genoforge::core::spec::{ReferenceSpec, export, restore};
use genoforge::core::strand::Strand;
use genoforge::io::{fasta_writer, gff3, spec_json};

fn reference() -> &'static ReferenceSpec {
    static CELL: std::sync::OnceLock<ReferenceSpec> = std::sync::OnceLock::new();
    CELL.get_or_init(|| ReferenceSpec::of(&common::default_genome().genome))
}

fn library() -> Library {
    let text = std::fs::read(common::root().join("public/cassettes.json")).unwrap();
    serde_json::from_slice(&text).unwrap()
}

fn outputs(design: &Design) -> (Vec<u8>, Vec<u8>) {
    let g = &common::default_genome().genome;
    let mut fasta = Vec::new();
    fasta_writer::write(
        &mut fasta,
        &EditedGenome::new(g, design),
        fasta_writer::Width::Sixty,
    )
    .unwrap();
    let mut gff = Vec::new();
    gff3::writer::write(&mut gff, g, design, &Lifted::new(g, design)).unwrap();
    (fasta, gff)
}

#[test]
fn by4741_by_name_equals_by4741_by_explicit_edits() {
    let g = &common::default_genome().genome;
    let mut by_name = Design::new();
    set_background(g, &mut by_name, strain("By4741").unwrap()).unwrap();
    let explicit = genoforge::io::edits_json::parse(
        r#"{"edits": [
          {"op": "delete", "seqid": "chrXV", "start": 722251, "end": 722440, "label": "his3Δ1"},
          {"op": "delete", "seqid": "III", "start": 91324, "end": 92418, "label": "leu2Δ0"},
          {"op": "delete", "seqid": "NC_001144", "start": 732542, "end": 733876, "label": "met15Δ0"},
          {"op": "delete", "seqid": "V", "start": 116167, "end": 116970, "label": "ura3Δ0"}]}"#
            .as_bytes(),
    )
    .unwrap();
    let mut by_edits = Design::new();
    genoforge::io::edits_json::apply(&explicit, g, &mut by_edits).unwrap();
    // MATa: Yα at MAT (III:200,104–200,850) replaced by HMR's Ya (III:293,737–294,378), and a2
    // annotated on its X bases (III:199,546–199,905, replaced by the same 360 bases of HMR).
    let (mata, _) = genoforge::core::genetics::mating::mata_edits(g).unwrap();
    let spans: Vec<_> = mata
        .iter()
        .map(|e| (e.span.one_based(), e.sequence.len()))
        .collect();
    assert_eq!(
        spans,
        [((200_104, 200_850), 642), ((199_546, 199_905), 360)]
    );
    for e in mata {
        by_edits.add(g, e).unwrap();
    }
    // Same sequences and features; only the lines naming the design (its strain) differ.
    let body = |(fa, gff): (Vec<u8>, Vec<u8>)| {
        let keep = |b: Vec<u8>, skip: u8| -> Vec<String> {
            String::from_utf8(b)
                .unwrap()
                .lines()
                .filter(|l| !l.starts_with(skip as char))
                .map(str::to_owned)
                .collect()
        };
        (keep(fa, b'>'), keep(gff, b'#'))
    };
    assert!(
        body(outputs(&by_name)) == body(outputs(&by_edits)),
        "BY4741 by name and by edits differ"
    );
    let b = by_name.genotype().background.as_ref().unwrap();
    assert_eq!(
        format(by_name.genotype()),
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0"
    );
    assert_eq!(b.ploidy, 1);
    assert!(
        b.alleles
            .iter()
            .any(|a| a.name == "met15Δ0" && a.locus == "MET17")
    );
}

#[test]
fn by4743_records_heterozygous_alleles_without_applying_them() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let b = d.genotype().background.as_ref().unwrap();
    assert_eq!(
        (b.ploidy, b.mating_type.to_string().as_str()),
        (2, "MATa/α")
    );
    let het: Vec<&str> = b
        .alleles
        .iter()
        .filter(|a| a.zygosity == Zygosity::Heterozygous)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(het, ["MATa", "lys2Δ0", "met15Δ0"]);
    assert_eq!(d.edits().len(), 3);
    assert_eq!(
        format(d.genotype()),
        // Brachmann et al. 1998: BY4743 = BY4741 (MATa, met15Δ0) × BY4742 (MATα, lys2Δ0), the
        // MATa copy written first (was `lys2Δ0/LYS2`, on the wrong copy).
        "MATa/α his3Δ1/his3Δ1 leu2Δ0/leu2Δ0 LYS2/lys2Δ0 met15Δ0/MET15 ura3Δ0/ura3Δ0"
    );
    // Switching to BY4742 replaces the background's edits.
    set_background(g, &mut d, strain("by4742").unwrap()).unwrap();
    assert_eq!(d.edits().len(), 4);
    assert_eq!(format(d.genotype()), "MATα his3Δ1 leu2Δ0 lys2Δ0 ura3Δ0");
}

fn rich_design() -> Design {
    let g = &common::default_genome().genome;
    let lib = library();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "TFC3").unwrap(),
        lib.get("kanMX4"),
    )
    .unwrap();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "YAL002W").unwrap(),
        lib.get("natMX4"),
    )
    .unwrap();
    delete_gene(g, &mut d, resolve_gene(g, "CDC19").unwrap(), None).unwrap();
    let gfp = lib.get("GFP(S65T)").unwrap();
    let req = EditRequest {
        contig: g.contig_by_name("IV").unwrap(),
        span: Span::empty_at(Pos(1000)),
        sequence: gfp.sequence.as_bytes().to_vec(),
        op: EditOp::Insert,
        label: None,
        feature: Some(gfp.feature(Some("GFP_1".into()), Strand::Forward)),
    };
    add_insertion(g, &mut d, req, "GFP(S65T)").unwrap();
    d.genotype_mut().gene_set = Some(GeneSet {
        name: Some("test".into()),
        genes: vec!["YAL001C".into(), "YAL003W".into()],
    });
    d
}

#[test]
fn exported_specs_validate_against_the_shipped_schema() {
    let g = &common::default_genome().genome;
    let validator = common::spec_validator();
    let text = spec_json::to_string(&export(
        g,
        &rich_design(),
        reference(),
        "2026-11-23T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors = common::spec_errors(&validator, &value);
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator is not vacuous: a broken spec fails it.
    let mut broken = value.clone();
    broken["edits"][0]["op"] = "flip".into();
    broken["perturbations"][0]["perturbation_type"] = "knockout".into();
    assert!(validator.iter_errors(&broken).count() >= 2);
    // And the spec round-trips byte-identically.
    let parsed = spec_json::parse(text.as_bytes()).unwrap();
    let (d, _) = restore(g, reference(), &parsed).unwrap();
    assert_eq!(
        spec_json::to_string(&export(
            g,
            &d,
            reference(),
            "later",
            &genoforge::core::genetics::essential::EssentialityTable::default()
        )),
        text
    );
}

#[test]
fn specs_for_another_reference_or_version_are_refused() {
    let g = &common::default_genome().genome;
    let text = spec_json::to_string(&export(
        g,
        &rich_design(),
        reference(),
        "2026-11-23T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    // A hand-edited checksum.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["reference"]["contigs"][2]["md5"] = "00000000000000000000000000000000".into();
    let spec = spec_json::parse(v.to_string().as_bytes()).unwrap();
    let err = restore(g, reference(), &spec).unwrap_err().to_string();
    assert!(err.contains("contig 'III' has another sequence"), "{err}");
    // A different length.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["reference"]["contigs"][0]["length"] = 230_208.into();
    let err = restore(
        g,
        reference(),
        &spec_json::parse(v.to_string().as_bytes()).unwrap(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("contig 'I' is 230208 bp in the spec but 230218 bp"),
        "{err}"
    );
    // An unknown schema version: refused before anything else is read.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["schema_version"] = 2.into();
    v["something_new"] = "x".into();
    let err = spec_json::parse(v.to_string().as_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "unknown schema_version 2: this genoforge reads version 1"
    );
    // Broken JSON names line and column.
    let err = spec_json::parse(b"{\n  \"schema_version\": 1,\n  oops\n}")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "not valid JSON at line 3, column 3: key must be a string"
    );
}

#[test]
fn nomenclature_round_trips() {
    let g = &common::default_genome().genome;
    let d = rich_design();
    let text = format(d.genotype());
    assert_eq!(
        text,
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 tfc3Δ::kanMX4 vps8Δ::natMX4 cdc19Δ GFP(S65T)@IV:1000"
    );
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4741"));
    assert_eq!(sketch, sketch_of(g, d.genotype()));
    // parse(format(x)) rebuilds the same design.
    let mut rebuilt = Design::new();
    apply_sketch(g, &mut rebuilt, &sketch, &library()).unwrap();
    assert_eq!(format(rebuilt.genotype()), text);
    // The same edited genome (feature IDs of the additions may differ: the string does not carry them).
    assert!(
        outputs(&rebuilt).0 == outputs(&d).0,
        "the rebuilt design's sequence differs"
    );
    // Aliases, case and "delta" are understood; unknown alleles are reported, not dropped.
    let s = parse(g, "matALPHA his3delta1 MET15Δ::kanMX4 foo1Δ bar::baz zzz");
    assert_eq!(
        s.mating_type.map(|m| m.to_string()).as_deref(),
        Some("MATα")
    );
    assert_eq!(s.perturbations[0].designation, "met17Δ::kanMX4");
    assert_eq!(s.perturbations[0].gene.as_deref(), Some("YLR303W"));
    let unknown: Vec<&str> = s.unknown.iter().map(|u| u.0.as_str()).collect();
    assert_eq!(unknown, ["foo1Δ", "bar::baz", "zzz"]);
}

#[test]
fn gene_lists_resolve_and_report() {
    let g = &common::default_genome().genome;
    let list = gene_list::resolve(
        g,
        "TFC3, yal002w\nMET15;  cdc19 TFC3 YAL001C notagene\tYBR020W",
    );
    let names: Vec<&str> = list.resolved.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["TFC3", "yal002w", "MET15", "cdc19", "YBR020W"]);
    assert_eq!(list.unknown, ["notagene"]);
    assert_eq!(list.duplicates, ["TFC3", "YAL001C"]);
    // Delete them all with a cassette, all or none.
    let mut d = Design::new();
    let ids = delete_genes(g, &mut d, &list.genes(), library().get("kanMX4")).unwrap();
    assert_eq!(ids.len(), 5);
    assert_eq!(d.genotype().perturbations.len(), 5);
    // A conflicting gene in the list refuses the whole list.
    let before = d.clone();
    let again = gene_list::resolve(g, "YAL003W TFC3");
    let err = delete_genes(g, &mut d, &again.genes(), None).unwrap_err();
    assert_eq!(err.0, 1);
    assert!(d == before);
}

#[test]
fn marker_orfs_translate_without_internal_stops() {
    let lib = library();
    let finder =
        bio::seq_analysis::orf::Finder::new(vec![b"ATG"], vec![b"TAA", b"TAG", b"TGA"], 100);
    for name in ["kanMX4", "natMX4", "hphMX4", "GFP(S65T)"] {
        let c = lib.get(name).unwrap();
        let orf = c.orf().unwrap();
        let bases = c.part_sequence(orf);
        let protein = genoforge::core::seq::translate(bases);
        assert!(
            protein.starts_with('M') && protein.ends_with('*'),
            "{name}: {protein}"
        );
        assert_eq!(
            protein.matches('*').count(),
            1,
            "{name} has an internal stop"
        );
        // bio's ORF finder sees one ORF spanning the whole part, from its ATG to its stop.
        let orfs: Vec<_> = finder.find_all(bases).filter(|o| o.offset == 0).collect();
        assert!(
            orfs.iter().any(|o| o.start == 0 && o.end == bases.len()),
            "{name}: {orfs:?}"
        );
    }
    assert_eq!(
        lib.get("kanMX4").unwrap().orf().map(|o| o.offset.len()),
        Some(810)
    );
}

#[test]
fn shipped_cassette_library_is_built_from_the_genbank_files() {
    let built = genoforge::io::cassette::shipped_library(|n| {
        std::fs::read(common::root().join("public/cassettes").join(n)).ok()
    })
    .unwrap();
    let mut json = serde_json::to_string_pretty(&built).unwrap();
    json.push('\n');
    let shipped = std::fs::read_to_string(common::root().join("public/cassettes.json")).unwrap();
    assert!(
        json == shipped,
        "public/cassettes.json is stale: run `genoforge cassettes --from public/cassettes --out public/cassettes.json`"
    );
}

#[test]
fn ml_views() {
    let g = &common::default_genome().genome;
    let d = rich_design();
    let lifted = Lifted::new(g, &d);
    let nodes = gene_nodes(g, &d, &lifted);
    let find = |id: &str| nodes.iter().find(|n| n.id == id).unwrap();
    assert_eq!(find("YAL001C").status, GeneStatus::Deleted);
    assert_eq!(find("YAL001C").start, None);
    assert_eq!(find("GFP_1").status, GeneStatus::Inserted);
    assert_eq!(find("YOR202W").status, GeneStatus::Disrupted);
    // Downstream of the TFC3 replacement on I: shifted; chromosome II has no edit: native.
    assert_eq!(find("YAL003W").status, GeneStatus::Shifted);
    assert_eq!(find("YBR020W").status, GeneStatus::Native);
    assert_eq!(find("YAL003W").in_gene_set, Some(true));
    assert_eq!(find("YAL005C").in_gene_set, Some(false));
    // Three inserts and the MATa region of BY4741 (Ya from HMR), with the genes it brings, MATA1
    // and MATA2, as rows of their own, and the three marker cassettes' ORFs (inserted genes).
    assert_eq!(nodes.len(), g.genes().count() + 9);
    // IV's genes after position 1000 are shifted by the GFP insertion.
    let shifted = nodes
        .iter()
        .find(|n| n.contig == "IV" && n.ref_start.unwrap_or(0) > 5000)
        .unwrap();
    assert_eq!(shifted.status, GeneStatus::Shifted);
    assert_eq!(shifted.start.unwrap() - shifted.ref_start.unwrap(), 717);

    // Sequence windows: for genes with no edit near them, the windows of the edited genome equal
    // the reference's windows — both native and shifted ones.
    let flanks = Flanks::default();
    let edited = sequence_windows(g, &d, &lifted, flanks);
    let reference = sequence_windows(g, &Design::new(), &Lifted::new(g, &Design::new()), flanks);
    assert_eq!(reference.len(), g.genes().count());
    let by_id = |w: &[genoforge::core::ml::SequenceWindow], id: &str| {
        w.iter().find(|x| x.id == id).cloned()
    };
    let mut native = 0;
    let mut shifted = 0;
    for r in &reference {
        let Some(e) = by_id(&edited, &r.id) else {
            continue;
        };
        let near_edit = d.edits().iter().any(|x| {
            g.contig(x.contig).name.as_ref() == r.contig
                && x.span.start().get() < r.end + 2
                && x.span.end().get() + 1 >= r.start.saturating_sub(2)
        });
        if near_edit {
            continue;
        }
        assert_eq!(e.sequence, r.sequence, "{}", r.id);
        match e.status {
            GeneStatus::Native => native += 1,
            GeneStatus::Shifted => {
                shifted += 1;
                if r.contig == "IV" {
                    assert_eq!(e.start, r.start + 717, "{}", r.id);
                }
            }
            s => panic!("{}: {s:?}", r.id),
        }
    }
    assert!(
        native > 5000 && shifted > 500,
        "{native} native, {shifted} shifted"
    );
    // A reverse-strand window reads 5′ → 3′: TFC3's neighbour YAL003W (+) starts with its flank,
    // and the CDS begins with ATG after 1,000 upstream bases: torchcell's 5′ input (1,000 + ATG)
    // is the first 1,003 bases and its 3′ input (stop codon + 297) the last 300.
    let w = by_id(&edited, "YAL003W").unwrap();
    assert_eq!(w.upstream, 1000);
    assert_eq!(&w.sequence[1000..1003], "ATG");
    let stop = &w.sequence[w.sequence.len() - 300..w.sequence.len() - 297];
    assert!(["TAA", "TAG", "TGA"].contains(&stop), "{stop}");
    let rev = reference
        .iter()
        .find(|w| w.strand == '-' && w.upstream == 1000 && w.downstream == 297)
        .unwrap();
    assert_eq!(&rev.sequence[1000..1003], "ATG", "{}", rev.id);
    let stop = &rev.sequence[rev.sequence.len() - 300..rev.sequence.len() - 297];
    assert!(["TAA", "TAG", "TGA"].contains(&stop), "{}: {stop}", rev.id);
}

#[test]
fn diploid_genotypes_with_perturbations_round_trip() {
    // What the app and CLI write for a BY4743 design — a heterozygous tfc3Δ::kanMX4 (the default
    // in a diploid), a homozygous far1Δ::kanMX4 and a heterozygous addition — is read back as the
    // same alleles and rebuilds the same design.
    use genoforge::core::genetics::compose::{apply, plan_delete_gene, plan_insertion};
    let g = &common::default_genome().genome;
    let lib = library();
    let kan = lib.get("kanMX4").unwrap();
    let gfp = lib.get("GFP(S65T)").unwrap();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    delete_gene(g, &mut d, resolve_gene(g, "TFC3").unwrap(), Some(kan)).unwrap();
    let mut hom = plan_delete_gene(g, resolve_gene(g, "FAR1").unwrap(), Some(kan));
    hom.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut d, hom).unwrap();
    let iv = g.contig_by_name("IV").unwrap();
    let req = EditRequest {
        contig: iv,
        span: Span::empty_at(Pos(1000)),
        sequence: gfp.sequence.as_bytes().to_vec(),
        op: EditOp::Insert,
        label: None,
        feature: Some(gfp.feature(None, Strand::Forward)),
    };
    apply(g, &mut d, plan_insertion(g, req, &gfp.name)).unwrap();
    let text = format(d.genotype());
    assert_eq!(
        text,
        "MATa/α his3Δ1/his3Δ1 leu2Δ0/leu2Δ0 LYS2/lys2Δ0 met15Δ0/MET15 ura3Δ0/ura3Δ0 \
         tfc3Δ::kanMX4/TFC3 far1Δ::kanMX4/far1Δ::kanMX4 GFP(S65T)@IV:1000/+"
    );
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4743"));
    let read: Vec<(&str, Zygosity)> = sketch
        .perturbations
        .iter()
        .map(|p| (p.designation.as_str(), p.zygosity))
        .collect();
    assert_eq!(
        read,
        [
            ("tfc3Δ::kanMX4", Zygosity::Heterozygous),
            ("far1Δ::kanMX4", Zygosity::Homozygous),
            ("GFP(S65T)@IV:1000", Zygosity::Heterozygous),
        ]
    );
    let mut rebuilt = Design::new();
    apply_sketch(g, &mut rebuilt, &sketch, &lib).unwrap();
    assert_eq!(format(rebuilt.genotype()), text);
    let alleles = |d: &Design| -> Vec<(String, Zygosity, bool)> {
        d.genotype()
            .perturbations
            .iter()
            .map(|p| {
                (
                    p.designation.clone(),
                    p.zygosity,
                    p.edit_ids.iter().all(|&id| d.is_enabled(id)),
                )
            })
            .collect()
    };
    assert_eq!(alleles(&rebuilt), alleles(&d));
    assert!(
        outputs(&rebuilt).0 == outputs(&d).0,
        "the rebuilt sequence differs"
    );
    // A wild-type half that is not the perturbed gene's is reported, not guessed.
    let s = parse(g, "MATa/MATα tfc3Δ::kanMX4/FAR1");
    assert_eq!(s.unknown.len(), 1, "{:?}", s.unknown);
    assert!(s.perturbations.is_empty());
}
