//! GenBank flat files: LOCUS, FEATURES (key, location, qualifiers) and ORIGIN — what cassette
//! libraries need. Locations: `n`, `n..m`, `<n..>m`, `complement(…)`, `join(…)`, `order(…)`.

/// Why a GenBank file is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenbankError {
    /// Nothing but whitespace.
    #[error("the GenBank file is empty")]
    Empty,
    /// No `LOCUS` line opens a record.
    #[error("line {line}: a GenBank record starts with a LOCUS line")]
    NoLocus {
        /// The line.
        line: usize,
    },
    /// A feature location that cannot be read.
    #[error("line {line}: cannot read the location '{location}' ({why})")]
    Location {
        /// The line.
        line: usize,
        /// The location text.
        location: String,
        /// Why.
        why: &'static str,
    },
    /// The record has no sequence.
    #[error("line {line}: record '{name}' has no ORIGIN sequence")]
    NoSequence {
        /// Line of its LOCUS.
        line: usize,
        /// Record name.
        name: String,
    },
    /// A character in the ORIGIN sequence that is not an IUPAC nucleotide code (nor a digit or
    /// blank, which number and group the bases).
    #[error(
        "line {line}, column {column}: '{letter}' in the ORIGIN sequence is not an IUPAC nucleotide code"
    )]
    NotNucleotide {
        /// The line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// The character.
        letter: char,
    },
    /// A location beyond the sequence.
    #[error(
        "line {line}: the location of this {key} ends at {end}, beyond the {length} bp sequence"
    )]
    OutOfRange {
        /// The line.
        line: usize,
        /// Feature key.
        key: String,
        /// Its end.
        end: u64,
        /// Sequence length.
        length: u64,
    },
}

/// A feature location: 1-based inclusive segments in ascending order, and its strand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// Segments `(start, end)`, 1-based inclusive.
    pub segments: Vec<(u64, u64)>,
    /// `complement(…)`.
    pub reverse: bool,
}

impl Location {
    /// First base (1-based).
    pub fn start(&self) -> u64 {
        self.segments.iter().map(|s| s.0).min().unwrap_or(0)
    }

    /// Last base (1-based).
    pub fn end(&self) -> u64 {
        self.segments.iter().map(|s| s.1).max().unwrap_or(0)
    }
}

/// One feature of the FEATURES table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GbFeature {
    /// Key (`CDS`, `promoter`, `regulatory`, …).
    pub key: String,
    /// Where.
    pub location: Location,
    /// Qualifiers in order, values unquoted.
    pub qualifiers: Vec<(String, String)>,
    /// Line of its key.
    pub line: usize,
}

impl GbFeature {
    /// The first value of a qualifier.
    pub fn qualifier(&self, name: &str) -> Option<&str> {
        self.qualifiers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A name for people: /label, /gene, /product, else /note.
    pub fn label(&self) -> Option<&str> {
        ["label", "gene", "product", "note"]
            .iter()
            .find_map(|q| self.qualifier(q))
    }
}

/// One record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GbRecord {
    /// LOCUS name.
    pub name: String,
    /// DEFINITION text.
    pub definition: String,
    /// Circular per the LOCUS line.
    pub circular: bool,
    /// Features in order.
    pub features: Vec<GbFeature>,
    /// Bases (as written, lower case usually).
    pub sequence: Vec<u8>,
}

/// Reads every record of a GenBank file.
///
/// ```
/// let gb = b"LOCUS       X 8 bp DNA circular\nFEATURES             Location/Qualifiers\n     CDS             complement(2..7)\n                     /gene=\"x\"\nORIGIN\n        1 acgtacgt\n//\n";
/// let r = &genoforge::io::genbank::read(gb).unwrap()[0];
/// assert!(r.circular && r.features[0].location.reverse);
/// assert_eq!(r.features[0].qualifier("gene"), Some("x"));
/// ```
pub fn read(data: &[u8]) -> Result<Vec<GbRecord>, GenbankError> {
    let text = String::from_utf8_lossy(data);
    if text.trim().is_empty() {
        return Err(GenbankError::Empty);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut records = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        if !lines[i].starts_with("LOCUS") {
            return Err(GenbankError::NoLocus { line: i + 1 });
        }
        let (record, next) = read_record(&lines, i)?;
        records.push(record);
        i = next;
    }
    Ok(records)
}

/// A feature being read: key, location text, qualifiers, line.
type Pending = (String, String, Vec<(String, String)>, usize);

fn read_record(lines: &[&str], start: usize) -> Result<(GbRecord, usize), GenbankError> {
    let locus: Vec<&str> = lines[start].split_whitespace().collect();
    let name = locus.get(1).copied().unwrap_or("").to_owned();
    let circular = locus.iter().any(|w| w.eq_ignore_ascii_case("circular"));
    let mut definition = String::new();
    let mut features: Vec<GbFeature> = Vec::new();
    let mut sequence = Vec::new();
    let mut has_origin = false;
    let mut i = start + 1;
    let mut section = "";
    // The feature being read: key, location text, qualifiers, line.
    let mut current: Option<Pending> = None;
    let finish =
        |cur: &mut Option<Pending>, features: &mut Vec<GbFeature>| -> Result<(), GenbankError> {
            if let Some((key, loc, quals, line)) = cur.take() {
                let location = parse_location(&loc).map_err(|why| GenbankError::Location {
                    line,
                    location: loc.clone(),
                    why,
                })?;
                let qualifiers = quals
                    .into_iter()
                    .map(|(k, v)| (k, v.trim_matches('"').replace("\"\"", "\"")))
                    .collect();
                features.push(GbFeature {
                    key,
                    location,
                    qualifiers,
                    line,
                });
            }
            Ok(())
        };
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("//") {
            i += 1;
            break;
        }
        if !line.starts_with(' ') && !line.is_empty() {
            finish(&mut current, &mut features)?;
            section = line.split_whitespace().next().unwrap_or("");
            if section == "DEFINITION" {
                definition = line["DEFINITION".len()..].trim().to_owned();
            }
            if section == "ORIGIN" {
                has_origin = true;
            }
            i += 1;
            continue;
        }
        match section {
            "DEFINITION" => {
                definition.push(' ');
                definition.push_str(line.trim());
            }
            "FEATURES" => {
                let key_col = line.get(5..21).unwrap_or("").trim();
                let body = line.get(21..).unwrap_or("").trim_end();
                if !key_col.is_empty() && line.starts_with("     ") && !line.starts_with("      ") {
                    finish(&mut current, &mut features)?;
                    current = Some((
                        key_col.to_owned(),
                        body.trim().to_owned(),
                        Vec::new(),
                        i + 1,
                    ));
                } else if let Some((_, loc, quals, _)) = current.as_mut() {
                    let body = body.trim();
                    if let Some(q) = body.strip_prefix('/') {
                        let (k, v) = q.split_once('=').unwrap_or((q, ""));
                        quals.push((k.to_owned(), v.to_owned()));
                    } else if let Some((k, v)) = quals.last_mut() {
                        // A continued qualifier value: joined with a space, except sequences.
                        if !v.is_empty() && k != "translation" {
                            v.push(' ');
                        }
                        v.push_str(body);
                    } else {
                        loc.push_str(body);
                    }
                }
            }
            "ORIGIN" => {
                for (col, c) in line.chars().enumerate() {
                    if c.is_ascii_digit() || c.is_whitespace() {
                        continue;
                    }
                    if !c.is_ascii() || !crate::core::seq::is_iupac(c as u8) {
                        return Err(GenbankError::NotNucleotide {
                            line: i + 1,
                            column: col + 1,
                            letter: c,
                        });
                    }
                    sequence.push(c as u8);
                }
            }
            _ => {}
        }
        i += 1;
    }
    finish(&mut current, &mut features)?;
    if !has_origin || sequence.is_empty() {
        return Err(GenbankError::NoSequence {
            line: start + 1,
            name,
        });
    }
    for f in &features {
        if f.location.end() > sequence.len() as u64 {
            return Err(GenbankError::OutOfRange {
                line: f.line,
                key: f.key.clone(),
                end: f.location.end(),
                length: sequence.len() as u64,
            });
        }
    }
    Ok((
        GbRecord {
            name,
            definition,
            circular,
            features,
            sequence,
        },
        i,
    ))
}

/// Parses a location expression.
pub fn parse_location(text: &str) -> Result<Location, &'static str> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut loc = parse_inner(&t)?;
    crate::core::sort::sort(&mut loc.segments);
    Ok(loc)
}

fn parse_inner(t: &str) -> Result<Location, &'static str> {
    if let Some(inner) = t
        .strip_prefix("complement(")
        .and_then(|s| s.strip_suffix(')'))
    {
        let mut l = parse_inner(inner)?;
        l.reverse = !l.reverse;
        return Ok(l);
    }
    for op in ["join(", "order("] {
        if let Some(inner) = t.strip_prefix(op).and_then(|s| s.strip_suffix(')')) {
            let mut segments = Vec::new();
            let mut reverse = None;
            for part in split_top_level(inner) {
                let l = parse_inner(part)?;
                if *reverse.get_or_insert(l.reverse) != l.reverse {
                    return Err("mixed strands inside join");
                }
                segments.extend(l.segments);
            }
            if segments.is_empty() {
                return Err("empty join");
            }
            return Ok(Location {
                segments,
                reverse: reverse.unwrap_or(false),
            });
        }
    }
    if t.contains(':') {
        return Err("references another record");
    }
    let num = |s: &str| {
        s.trim_start_matches(['<', '>'])
            .parse::<u64>()
            .map_err(|_| "not a number")
    };
    let (a, b) = match t.split_once("..") {
        Some((a, b)) => (num(a)?, num(b)?),
        None if t.contains('^') => return Err("a site between bases is not a span"),
        None => (num(t)?, num(t)?),
    };
    if a == 0 || a > b {
        return Err("start must be ≥ 1 and not after end");
    }
    Ok(Location {
        segments: vec![(a, b)],
        reverse: false,
    })
}

fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[from..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        assert_eq!(parse_location("<1..>20").unwrap().segments, vec![(1, 20)]);
        let l = parse_location("complement(join(10..20, 1..5))").unwrap();
        assert_eq!(
            (l.segments.clone(), l.reverse),
            (vec![(1, 5), (10, 20)], true)
        );
        assert!(parse_location("5..2").is_err());
        assert!(parse_location("X:1..4").is_err());
        assert!(parse_location("join(1..2,complement(3..4))").is_err());
    }
}
