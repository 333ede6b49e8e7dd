//! Column 9 in one pass: the attributes the model needs, and what makes a field suspect.

use std::borrow::Cow;

use crate::core::genome::attributes::{percent_decode, split_ascii, split_once_ascii};

/// Tags GFF3 reserves (those starting with an uppercase letter that are allowed).
pub const RESERVED_TAGS: [&str; 11] = [
    "ID",
    "Name",
    "Alias",
    "Parent",
    "Target",
    "Gap",
    "Derives_from",
    "Note",
    "Dbxref",
    "Ontology_term",
    "Is_circular",
];

/// What one scan of column 9 found.
#[derive(Debug, Default, PartialEq)]
pub struct Scanned<'a> {
    /// `ID` (first value), decoded.
    pub id: Option<Cow<'a, str>>,
    /// `Name` (first value), decoded.
    pub name: Option<Cow<'a, str>>,
    /// `Parent` values, decoded.
    pub parents: Vec<Cow<'a, str>>,
    /// `Alias` values, decoded.
    pub aliases: Vec<Cow<'a, str>>,
    /// `Is_circular=true`.
    pub circular: bool,
    /// Problems, as sentences.
    pub problems: Vec<String>,
}

/// Scans column 9 once.
pub fn scan(raw: &str) -> Scanned<'_> {
    let mut out = Scanned::default();
    if raw == "." || raw.is_empty() {
        return out;
    }
    // Tags seen on this line; a fixed array avoids an allocation per line (rare overflow is unchecked).
    let mut seen: [&str; 24] = [""; 24];
    let mut n_seen = 0;
    for field in split_ascii(raw, b';') {
        let field = field.trim_start_matches(' ');
        if field.is_empty() || field.bytes().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let Some((raw_tag, value)) = split_once_ascii(field, b'=') else {
            out.problems.push(format!(
                "attribute field '{field}' has no '=' (expected tag=value)"
            ));
            continue;
        };
        let tag = percent_decode(raw_tag);
        if tag.trim().is_empty() {
            out.problems
                .push(format!("attribute field '{field}' has no tag"));
            continue;
        }
        if memchr::memchr(b'=', value.as_bytes()).is_some() {
            out.problems.push(format!(
                "attribute field '{field}' does not contain exactly one '=' (escape '=' in values as %3D)"
            ));
        }
        if value.trim().is_empty() {
            out.problems.push(format!("attribute '{tag}' has no value"));
        }
        if seen[..n_seen].contains(&raw_tag) {
            out.problems.push(format!(
                "more than one {tag} attribute on this line (give several values as {tag}=a,b)"
            ));
        } else if n_seen < seen.len() {
            seen[n_seen] = raw_tag;
            n_seen += 1;
        }
        let values = || {
            split_ascii(value, b',')
                .filter(|v| !v.is_empty())
                .map(percent_decode)
        };
        match tag.as_ref() {
            "ID" => {
                if memchr::memchr(b',', value.as_bytes()).is_some() {
                    out.problems
                        .push(format!("ID '{value}' has more than one value"));
                }
                if out.id.is_none() {
                    out.id = values().next();
                }
            }
            "Name" if out.name.is_none() => {
                out.name = values().next();
            }
            "Parent" => out.parents.extend(values()),
            "Alias" => out.aliases.extend(values()),
            "Is_circular" => match value {
                "true" => out.circular = true,
                "false" => {}
                _ => out.problems.push(format!(
                    "value '{value}' of Is_circular attribute does not equal 'true' or 'false'"
                )),
            },
            t if t.starts_with(|c: char| c.is_ascii_uppercase()) && !RESERVED_TAGS.contains(&t) => {
                out.problems.push(format!(
                    "illegal uppercase attribute '{t}' (tags starting with an uppercase letter are reserved by GFF3)"
                ));
            }
            _ => {}
        }
    }
    out
}

/// Whether column 9 reads like GTF/GFF2 (`gene_id "X"; transcript_id "Y";`) rather than GFF3.
pub fn looks_like_gtf(raw: &str) -> bool {
    // Fast path: a GFF3 first field has '=' before any blank or quote.
    let first = raw.split(';').next().unwrap_or("");
    if let Some(eq) = first.find('=')
        && !first[..eq].contains([' ', '"'])
    {
        return false;
    }
    let fields: Vec<&str> = raw
        .split(';')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    !fields.is_empty()
        && fields.iter().all(|f| {
            let (key, value) = f.split_once(' ').unwrap_or((f, ""));
            !key.contains('=') && !value.trim().is_empty()
        })
        && fields.iter().any(|f| {
            f.contains('"') || f.starts_with("gene_id ") || f.starts_with("transcript_id ")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_and_checks_in_one_pass() {
        let s = scan("ID=cds1;Parent=t%2C1,t2;Name=n;Alias=a,b;Is_circular=true");
        assert_eq!(s.id.as_deref(), Some("cds1"));
        assert_eq!(s.parents, vec!["t,1", "t2"]);
        assert_eq!(s.aliases.len(), 2);
        assert!(s.circular && s.problems.is_empty());
    }

    #[test]
    fn finds_each_problem() {
        assert!(scan("ID=a=b").problems[0].contains("exactly one"));
        assert!(scan("=foo").problems[0].contains("no tag"));
        assert!(scan("ID=").problems[0].contains("no value"));
        assert!(scan("Foo=bar").problems[0].contains("uppercase"));
        assert!(scan("Is_circular=yes").problems[0].contains("Is_circular"));
        assert!(scan("Dbxref=a;Dbxref=b").problems[0].contains("more than one"));
        assert!(scan("glimmer").problems[0].contains("no '='"));
        assert!(looks_like_gtf(
            "gene_id \"ENSG1\"; transcript_id \"ENST1\";"
        ));
        assert!(!looks_like_gtf("ID=gene1;Name=foo bar"));
        assert!(!looks_like_gtf("Note=a \"quoted\" word"));
    }
}
