//! Shared by the `datasets_*` tests: small files in each released format (real column names and
//! strain-id conventions, from shared/data/SOURCES.md "Released file formats"), a resolver with
//! known unknown/ambiguous names, and a generator of large Costanzo/Kuzmin-format files.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use genoforge::core::datasets::intern::Interner;
use genoforge::core::datasets::resolve::{GeneResolver, Resolved, SystematicNames};
use genoforge::io::datasets::import::{FileImport, ImportOptions, import_bytes};

/// Costanzo 2016 Data File S1 header (11 columns).
pub const COSTANZO_HEADER: &str = "Query Strain ID\tQuery allele name\tArray Strain ID\tArray allele name\tArraytype/Temp\tGenetic interaction score (ε)\tP-value\tQuery single mutant fitness (SMF)\tArray SMF\tDouble mutant fitness\tDouble mutant fitness standard deviation";

/// A small Costanzo-format file: 6 rows, 5 distinct (genotype, temperature) keys, 4 genotypes.
pub fn costanzo_small() -> String {
    let rows = [
        "YBR188C_sn1898\tntc20Δ\tYAL002W_dma1\tvps8Δ\tDMA30\t-0.0348\t0.005\t0.8285\t0.9515\t0.7533\t0.0432",
        "YBR188C_sn1898\tntc20Δ\tYMR296C_tsa606\tlcb1-2\tTSA26\t0.0210\t0.3\t0.8285\t0.7000\t0.6010\t0.0500",
        "YBR188C_sn1898\tntc20Δ\tYMR296C_tsa606\tlcb1-2\tTSA30\t0.0110\t0.4\t0.8285\t0.5000\t0.4200\t0.0500",
        "YAL001C_tsq508\ttfc3-g349e\tYAL002W_dma1\tvps8Δ\tDMA30\t-0.1200\t0.01\t0.9000\t0.9515\t0.7400\t0.0300",
        "YAL001C_tsq508\ttfc3-g349e\tYAL002W_dma1\tvps8Δ\tDMA30\t-0.1100\t0.02\t0.9000\t0.9515\t0.7500\t0.0300",
        "YMR296C_tsq100\tlcb1-5\tYMR296C_tsa606\tlcb1-2\tTSA30\t0.0000\t0.9\t0.6000\t0.5000\t0.3000\t0.0400",
    ];
    format!("{COSTANZO_HEADER}\n{}\n", rows.join("\n"))
}

/// Kuzmin 2018 Data S1 header (12 columns).
pub const KUZMIN2018_HEADER: &str = "Query strain ID\tQuery allele name\tArray strain ID\tArray allele name\tCombined mutant type\tRaw genetic interaction score (epsilon)\tAdjusted genetic interaction score (epsilon or tau)\tP-value\tQuery single/double mutant fitness\tArray single mutant fitness\tCombined mutant fitness\tCombined mutant fitness standard deviation";

/// Kuzmin 2020 Table S1 header: the last two columns spelled `Double/triple mutant fitness`.
pub const KUZMIN2020_HEADER: &str = "Query strain ID\tQuery allele name\tArray strain ID\tArray allele name\tCombined mutant type\tRaw genetic interaction score (epsilon)\tAdjusted genetic interaction score (epsilon or tau)\tP-value\tQuery single/double mutant fitness\tArray single mutant fitness\tDouble/triple mutant fitness\tDouble/triple mutant fitness standard deviation";

/// Kuzmin rows: a digenic HO query row, a trigenic row, a trigenic row naming only two genes
/// besides HO (a mismatch), and a row naming one ORF twice.
pub fn kuzmin_rows() -> Vec<&'static str> {
    vec![
        "YAL015C+YDL227C_tm461\tntg1Δ+hoΔ\tYBR188C_dma100\tntc20Δ\tdigenic\t-0.05\t-0.05\t0.01\t0.95\t0.90\t0.80\t0.03",
        "YAL015C+YBR188C_tm462\tntg1Δ+ntc20Δ\tYMR296C_tsa606\tlcb1-2\ttrigenic\t-0.10\t-0.08\t0.02\t0.85\t0.70\t0.50\t0.04",
        "YAL015C+YDL227C_tm461\tntg1Δ+hoΔ\tYMR296C_tsa606\tlcb1-2\ttrigenic\t-0.02\t-0.02\t0.30\t0.95\t0.70\t0.66\t0.05",
        "YAL015C+YBR188C_tm462\tntg1Δ+ntc20Δ\tYBR188C_dma100\tntc20Δ\tdigenic\t0.00\t0.00\t0.90\t0.85\t0.90\t0.77\t0.05",
    ]
}

/// A Kuzmin 2018 file of [`kuzmin_rows`].
pub fn kuzmin_small() -> String {
    format!("{KUZMIN2018_HEADER}\n{}\n", kuzmin_rows().join("\n"))
}

/// A resolver over a fixed table (name → systematic names): one name → found, several →
/// ambiguous, absent → unknown; systematic-shaped names resolve to themselves.
pub struct TableResolver(pub HashMap<String, Vec<String>>);

impl TableResolver {
    /// TFC3 → YAL001C, NTC20 → YBR188C, LCB1 → YMR296C; `SHARED` is ambiguous.
    pub fn yeast() -> Self {
        let mut m = HashMap::new();
        for (k, v) in [
            ("TFC3", vec!["YAL001C"]),
            ("NTC20", vec!["YBR188C"]),
            ("LCB1", vec!["YMR296C"]),
            ("SHARED", vec!["YAL001C", "YBR188C"]),
        ] {
            m.insert(k.to_owned(), v.into_iter().map(str::to_owned).collect());
        }
        Self(m)
    }
}

impl GeneResolver for TableResolver {
    fn resolve(&self, name: &str) -> Resolved {
        match self.0.get(&name.to_ascii_uppercase()) {
            Some(v) if v.len() == 1 => Resolved::Found(v[0].clone()),
            Some(v) => Resolved::Ambiguous(v.clone()),
            None => SystematicNames.resolve(name),
        }
    }
}

/// Imports bytes with default options and the systematic-name resolver.
pub fn import(bytes: &[u8], interner: &mut Interner) -> FileImport {
    import_bytes(
        bytes,
        "test",
        ImportOptions::default(),
        interner,
        &SystematicNames,
    )
    .unwrap_or_else(|e| panic!("import failed: {e}"))
}

/// gzip of `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A fresh scratch directory under the target dir.
pub fn scratch(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The real dataset files kept for tests (`tests/data/datasets`: the DCell Costanzo 2016 pairs and
/// torchcell's published counts; provenance in `tests/data/SOURCES.md`).
pub fn real_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/datasets")
}

/// Systematic names for the generator: `Y{chr}{arm}{nnn}{strand}`, `n` distinct, deterministic.
pub fn orf_names(n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    'outer: for chr in b'A'..=b'P' {
        for arm in ['L', 'R'] {
            for num in 1..=999 {
                for strand in ['W', 'C'] {
                    if out.len() == n {
                        break 'outer;
                    }
                    out.push(format!("Y{}{arm}{num:03}{strand}", chr as char));
                }
            }
        }
    }
    out
}

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Writes a Costanzo-format file of `rows` rows over `genes` ORFs (queries from the first 1,700,
/// as Data File S1 has about 1,700 query strains per file), seeded.
pub fn write_costanzo(
    out: &mut dyn Write,
    rows: usize,
    genes: usize,
    seed: u64,
) -> std::io::Result<()> {
    write_costanzo_with(out, rows, genes, genes.min(1_700), seed)
}

/// [`write_costanzo`] with queries drawn from the first `queries` ORFs (more queries, more
/// distinct genotypes: the real 20.7 M-row Data File S1 has almost no repeated key).
pub fn write_costanzo_with(
    out: &mut dyn Write,
    rows: usize,
    genes: usize,
    queries: usize,
    seed: u64,
) -> std::io::Result<()> {
    let names = orf_names(genes);
    let mut rng = Rng(seed | 1);
    let tags = ["sn", "tsq", "damp"];
    let arrays = ["dma", "tsa"];
    writeln!(out, "{COSTANZO_HEADER}")?;
    for i in 0..rows {
        let q = rng.below(queries.min(genes));
        let a = rng.below(genes);
        let qt = tags[rng.below(3)];
        let at = arrays[rng.below(2)];
        let temp = if rng.below(4) == 0 { 26 } else { 30 };
        let kind = if at == "dma" { "DMA" } else { "TSA" };
        writeln!(
            out,
            "{}_{qt}{}\tq{}\t{}_{at}{}\ta{}\t{kind}{temp}\t{:.4}\t{:.3e}\t{:.4}\t{:.4}\t{:.4}\t{:.4}",
            names[q],
            q,
            q,
            names[a],
            a,
            a,
            (rng.below(2000) as f64 - 1000.0) / 5000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            i as f64 / rows as f64 / 10.0
        )?;
    }
    Ok(())
}

/// Writes a Kuzmin 2018-format file: digenic rows (`ORF+YDL227C` queries) and trigenic rows.
pub fn write_kuzmin(
    out: &mut dyn Write,
    rows: usize,
    genes: usize,
    seed: u64,
) -> std::io::Result<()> {
    let names = orf_names(genes);
    let mut rng = Rng(seed | 1);
    writeln!(out, "{KUZMIN2018_HEADER}")?;
    for i in 0..rows {
        let q1 = rng.below(genes.min(800));
        let a = rng.below(genes);
        let trigenic = rng.below(3) == 0;
        let q2 = if trigenic {
            names[rng.below(genes.min(800))].clone()
        } else {
            "YDL227C".to_owned()
        };
        writeln!(
            out,
            "{}+{q2}_tm{}\tx+y\t{}_dma{}\tz\t{}\t{:.4}\t{:.4}\t{:.3e}\t{:.4}\t{:.4}\t{:.4}\t{:.4}",
            names[q1],
            i % 5000,
            names[a],
            a,
            if trigenic { "trigenic" } else { "digenic" },
            (rng.below(2000) as f64 - 1000.0) / 5000.0,
            (rng.below(2000) as f64 - 1000.0) / 5000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
            rng.below(1000) as f64 / 1000.0,
        )?;
    }
    Ok(())
}
