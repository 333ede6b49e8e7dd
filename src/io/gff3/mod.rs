//! GFF3: reading (through noodles-gff) and, later, writing.

mod attributes_scan;
pub mod edit_status;
mod error;
mod reader;
pub mod repair;
pub mod writer;

pub use error::Gff3Error;
pub use reader::{Gff3Parser, ParsedGff3, read};
