//! Essentiality from the Saccharomyces Genome Deletion Project's flag (Giaever et al. 2002), on the
//! real genome's names: the shipped derived table agrees with the project's own file.

use crate::common;

use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::essential::Essentiality;

#[test]
fn far1_pdr5_viable_tfc3_essential_as_in_the_deletion_table() {
    let g = &common::default_genome().genome;
    let t = common::essentiality();
    let of = |name: &str| t.of(&g.gene_names(resolve_gene(g, name).unwrap()).0);
    // The report: FAR1 and PDR5 were wrongly flagged; the deletion collection has viable strains.
    for viable in ["FAR1", "PDR5", "ASF1", "TPK1", "TPK2", "CLB3", "AMN1"] {
        assert_eq!(of(viable), Essentiality::Viable, "{viable}");
    }
    assert_eq!(of("TFC3"), Essentiality::Essential);
    assert_eq!(t.of("YJL157C"), Essentiality::Viable);
    assert_eq!(t.of("yor153w"), Essentiality::Viable);
    // An ORF absent from the table (HO is, but e.g. a tRNA gene never is): no claim.
    assert_eq!(t.of("tRNA-not-an-orf"), Essentiality::NotTested);
    assert_eq!(
        Essentiality::NotTested.label(),
        "not tested in the deletion collection"
    );
}

#[test]
fn shipped_table_equals_the_projects_flag_row_for_row() {
    let src = common::root()
        .join("../shared/data/datasets/yeast_deletion_project/Deletion_primers_PCR_sizes.txt");
    let Ok(raw) = std::fs::read(&src) else {
        eprintln!("skipped: {} not present", src.display());
        return;
    };
    let t = common::essentiality();
    let text = String::from_utf8_lossy(&raw);
    let mut n = 0;
    for line in text.lines().skip(2).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let want = if f[3].trim() == "essential" {
            Essentiality::Essential
        } else {
            Essentiality::Viable
        };
        assert_eq!(t.of(f[1].trim()), want, "{}", f[1]);
        n += 1;
    }
    assert_eq!(n, 6363);
}

#[test]
fn a_malformed_row_is_an_error_naming_its_line() {
    let e = genoforge::io::gene_sets::read_essentiality(
        b"# c\norf\tdeletion_phenotype\nYAL001C\tmaybe\n",
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("line 3:"), "{e}");
}

/// The registry's bundled `essential_genes` list is a union of two lists of unknown origin; its
/// note says how many of its ORFs the deletion collection found viable — checked here.
#[test]
fn bundled_essential_list_holds_81_orfs_viable_in_the_deletion_collection() {
    let list = genoforge::io::gene_sets::read_systematic_names(
        &std::fs::read(common::root().join("public/data/essential_genes.txt")).unwrap(),
    );
    let t = common::essentiality();
    let viable: Vec<&String> = list
        .iter()
        .filter(|o| t.of(o) == Essentiality::Viable)
        .collect();
    assert_eq!(list.len(), 1_186);
    assert_eq!(viable.len(), 81, "{viable:?}");
    assert!(viable.iter().any(|o| *o == "YJL157C") && viable.iter().any(|o| *o == "YOR153W"));
    let note = genoforge::core::datasets::registry::registry()
        .into_iter()
        .find(|d| d.id == "essential_genes")
        .unwrap()
        .note;
    assert!(note.contains("81 of them are viable"), "{note}");
}
