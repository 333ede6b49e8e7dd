//! Column-9 checks: what makes an attribute field suspect, reported per line.

use crate::core::attributes::percent_decode;

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

/// Problems in one line's column 9, as sentences.
pub fn check(raw: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if raw == "." || raw.is_empty() {
        return problems;
    }
    let mut seen: Vec<String> = Vec::new();
    for field in raw.split(';') {
        let field = field.trim_start_matches(' ');
        if field.trim().is_empty() {
            continue;
        }
        let Some((tag, value)) = field.split_once('=') else {
            problems.push(format!(
                "attribute field '{field}' has no '=' (expected tag=value)"
            ));
            continue;
        };
        let tag = percent_decode(tag);
        if tag.trim().is_empty() {
            problems.push(format!("attribute field '{field}' has no tag"));
            continue;
        }
        if value.contains('=') {
            problems.push(format!(
                "attribute field '{field}' does not contain exactly one '=' (escape '=' in values as %3D)"
            ));
        }
        if value.trim().is_empty() {
            problems.push(format!("attribute '{tag}' has no value"));
        }
        if tag.starts_with(|c: char| c.is_ascii_uppercase())
            && !RESERVED_TAGS.contains(&tag.as_ref())
        {
            problems.push(format!(
                "illegal uppercase attribute '{tag}' (tags starting with an uppercase letter are reserved by GFF3)"
            ));
        }
        if tag == "Is_circular" && !matches!(value, "true" | "false") {
            problems.push(format!(
                "value '{value}' of Is_circular attribute does not equal 'true' or 'false'"
            ));
        }
        if tag == "ID" && value.contains(',') {
            problems.push(format!("ID '{value}' has more than one value"));
        }
        if seen.iter().any(|s| *s == tag) {
            problems.push(format!(
                "more than one '{tag}' attribute on this line (give several values as tag=a,b)"
            ));
        } else {
            seen.push(tag.into_owned());
        }
    }
    problems
}

/// Whether column 9 reads like GTF/GFF2 (`gene_id "X"; transcript_id "Y";`) rather than GFF3.
pub fn looks_like_gtf(raw: &str) -> bool {
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
    fn finds_each_problem() {
        assert!(check("ID=a;Name=b").is_empty());
        assert!(check("ID=a=b")[0].contains("exactly one"));
        assert!(check("=foo")[0].contains("no tag"));
        assert!(check("ID=")[0].contains("no value"));
        assert!(check("Foo=bar")[0].contains("uppercase"));
        assert!(check("Is_circular=yes")[0].contains("Is_circular"));
        assert!(check("Dbxref=a;Dbxref=b")[0].contains("more than one"));
        assert!(looks_like_gtf(
            "gene_id \"ENSG1\"; transcript_id \"ENST1\";"
        ));
        assert!(!looks_like_gtf("ID=gene1;Name=foo bar"));
    }
}
