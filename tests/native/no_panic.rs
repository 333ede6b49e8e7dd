//! No input makes a reader panic: arbitrary bytes, and valid files with random bytes changed.

use genoforge::io::load::{InputFile, LoadRequest, load_stepwise};
use proptest::prelude::*;

const EDEN: &[u8] = include_bytes!("../data/fixtures/genometools/eden.gff3");
const FASTA: &[u8] = b">ctg123 [top=circular]\nACGTNNACGTRYKM\nacgt\n>two\nAC\n";

fn run(gff: Vec<u8>, fasta: Option<Vec<u8>>) {
    let _ = load_stepwise(LoadRequest {
        gff: Some(InputFile::new("x.gff3", gff)),
        fasta: fasta.map(|f| InputFile::new("x.fa", f)),
        feature_table: Some(InputFile::new(
            "t.tab",
            b"S1\tORF\tVerified\tYAL001C\tTFC3\tA|B\t\t\t1\t1\t2\tW\t\t\t\tdesc\n".to_vec(),
        )),
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes(gff in proptest::collection::vec(any::<u8>(), 0..2000),
                       fasta in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..500))) {
        run(gff, fasta);
    }

    #[test]
    fn mutated_valid_files(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
                           cut in any::<prop::sample::Index>()) {
        let mut gff = EDEN.to_vec();
        let mut fasta = FASTA.to_vec();
        for (i, b) in &edits {
            let at = i.index(gff.len());
            gff[at] = *b;
            let at = i.index(fasta.len());
            fasta[at] = *b;
        }
        gff.truncate(cut.index(gff.len() + 1).max(1));
        run(gff, Some(fasta));
    }

    #[test]
    fn gff3_text_with_random_fields(lines in proptest::collection::vec(
        ("[a-zA-Z0-9_.%|]{0,6}", "[a-z.]{0,4}", "(gene|mRNA|CDS|exon|chromosome)", "-?[0-9]{0,12}", "-?[0-9]{0,12}",
         "[.0-9e+-]{0,4}", "[-+.?X]{0,2}", "[.0-9]{0,2}", "([A-Za-z_]{0,5}=[A-Za-z0-9,%;=]{0,8};?){0,4}"), 0..30)) {
        let mut gff = String::from("##gff-version 3\n");
        for (a, b, c, d, e, f, g, h, i) in lines {
            gff.push_str(&format!("{a}\t{b}\t{c}\t{d}\t{e}\t{f}\t{g}\t{h}\t{i}\n"));
        }
        run(gff.into_bytes(), Some(FASTA.to_vec()));
    }
}
