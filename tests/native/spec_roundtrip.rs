//! Genotype specs on the real genome: round trip, strains by name, refusal of other references.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{delete_gene, set_background};
use genoforge::core::genetics::strain::strain;
use genoforge::core::spec::{ReferenceSpec, export, restore};
use genoforge::io::spec_json;

fn reference() -> &'static ReferenceSpec {
    static CELL: std::sync::OnceLock<ReferenceSpec> = std::sync::OnceLock::new();
    CELL.get_or_init(|| ReferenceSpec::of(&common::default_genome().genome))
}

fn by4741_plus_tfc3() -> Design {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("by4741").unwrap()).unwrap();
    let kan = common::kanmx4();
    delete_gene(g, &mut d, resolve_gene(g, "TFC3").unwrap(), Some(&kan)).unwrap();
    d
}

#[test]
fn export_import_export_is_byte_identical() {
    let g = &common::default_genome().genome;
    let d = by4741_plus_tfc3();
    let first = spec_json::to_string(&export(
        g,
        &d,
        reference(),
        "2026-11-23T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    let parsed = spec_json::parse(first.as_bytes()).unwrap();
    let (restored, warnings) = restore(g, reference(), &parsed).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    // A later export keeps the original creation time.
    let second = spec_json::to_string(&export(
        g,
        &restored,
        reference(),
        "2030-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    assert_eq!(first, second);
    assert!(first.contains("\"designation\": \"tfc3Δ::kanMX4\""));
    assert!(first.contains("\"perturbation_type\": \"kanmx_deletion\""));
    assert!(first.contains("\"mating_type\": \"MATa\""));
}

#[test]
fn reference_checksums_describe_r64() {
    let r = reference();
    assert_eq!(r.species.as_deref(), Some("Saccharomyces cerevisiae"));
    assert_eq!(r.strain.as_deref(), Some("S288C"));
    assert_eq!(r.assembly.as_deref(), Some("R64-1-1"));
    assert_eq!(r.contigs.len(), 17);
    assert_eq!(r.annotation.features, 28_695);
    let i = &r.contigs[0];
    assert_eq!((i.name.as_str(), i.length), ("I", 230_218));
    assert_eq!(i.md5.as_ref().unwrap().len(), 32);
}
