//! Column 9: its canonical form ([`tidy`]: what the reader repairs), then one pass for the
//! attributes the model needs ([`scan`]).

use std::borrow::Cow;

use super::repair::{Found, Repair};
use crate::core::genome::attributes::{percent_decode, split_ascii, split_once_ascii};

/// Tags GFF3 reserves (those starting with an uppercase letter that are allowed; gt's list).
pub const RESERVED_TAGS: [&str; 13] = [
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
    "Start_range",
    "End_range",
];

/// Column 9 in canonical form — `tag=v1,v2;tag=v` without blanks around `;` `=` `,`, without
/// empty fields or values, one field per tag, reserved-looking tags lower-cased, `=` inside values
/// escaped — and the repairs that took. A column needing none is returned as it is.
pub fn tidy(raw: &str) -> (Cow<'_, str>, Vec<Found>) {
    let mut repairs: Vec<Found> = Vec::new();
    if raw == "." {
        return (Cow::Borrowed(raw), repairs);
    }
    // (tag, values) in order of first appearance.
    let mut fields: Vec<(Cow<'_, str>, Vec<Cow<'_, str>>)> = Vec::new();
    let note_with = |r: Repair, detail: Option<String>, repairs: &mut Vec<Found>| {
        if !repairs.iter().any(|(x, _)| *x == r) {
            repairs.push((r, detail));
        }
    };
    let note = |r: Repair, repairs: &mut Vec<Found>| note_with(r, None, repairs);
    for field in split_ascii(raw, b';') {
        let trimmed = field.trim_matches(' ');
        if trimmed.is_empty() {
            note(Repair::EmptyFields, &mut repairs);
            continue;
        }
        let Some((tag, value)) = split_once_ascii(trimmed, b'=') else {
            let d = format!("token '{trimmed}' does not contain exactly one '='");
            note_with(Repair::NoEquals, Some(d), &mut repairs);
            continue;
        };
        let (tag_t, value_t) = (tag.trim_matches(' '), value.trim_matches(' '));
        if trimmed.len() != field.len() || tag_t.len() != tag.len() || value_t.len() != value.len()
        {
            note(Repair::AttributeBlanks, &mut repairs);
        }
        if tag_t.is_empty() {
            let d = format!("attribute '{trimmed}' has no tag");
            note_with(Repair::NoTag, Some(d), &mut repairs);
            continue;
        }
        let mut tag: Cow<'_, str> = Cow::Borrowed(tag_t);
        let decoded = percent_decode(tag_t);
        if decoded.starts_with(|c: char| c.is_ascii_uppercase())
            && !RESERVED_TAGS.contains(&decoded.as_ref())
        {
            let d = format!("illegal uppercase attribute '{decoded}'");
            note_with(Repair::UppercaseTag, Some(d), &mut repairs);
            let mut t = tag_t.to_owned();
            t[..1].make_ascii_lowercase();
            tag = Cow::Owned(t);
        }
        let mut values: Vec<Cow<'_, str>> = Vec::new();
        for v in split_ascii(value_t, b',') {
            let vt = v.trim_matches(' ');
            if vt.len() != v.len() {
                note(Repair::AttributeBlanks, &mut repairs);
            }
            if vt.is_empty() {
                if !value_t.is_empty() {
                    note(Repair::EmptyFields, &mut repairs);
                }
                continue;
            }
            if vt.contains('=') {
                let d = format!("attribute '{trimmed}' does not contain exactly one '='");
                note_with(Repair::ExtraEquals, Some(d), &mut repairs);
                values.push(Cow::Owned(vt.replace('=', "%3D")));
            } else {
                values.push(Cow::Borrowed(vt));
            }
        }
        if values.is_empty() {
            let d = format!("attribute '{trimmed}' has no value");
            note_with(Repair::NoValue, Some(d), &mut repairs);
            continue;
        }
        if tag == "Is_circular" && !(values.len() == 1 && matches!(&*values[0], "true" | "false")) {
            let d = format!(
                "value '{value_t}' of Is_circular attribute does not equal 'true' or 'false'"
            );
            note_with(Repair::BadIsCircular, Some(d), &mut repairs);
            continue;
        }
        match fields.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, vs)) => {
                let d = format!("more than one {tag} attribute on this line");
                note_with(Repair::DuplicateTag, Some(d), &mut repairs);
                vs.extend(values);
            }
            None => fields.push((tag, values)),
        }
    }
    if repairs.is_empty() && !raw.is_empty() {
        return (Cow::Borrowed(raw), repairs);
    }
    if raw.is_empty() {
        note(Repair::EmptyFields, &mut repairs);
    }
    if fields.is_empty() {
        return (Cow::Borrowed("."), repairs);
    }
    let mut out = String::with_capacity(raw.len());
    for (i, (t, vs)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(t);
        out.push('=');
        for (j, v) in vs.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(v);
        }
    }
    (Cow::Owned(out), repairs)
}

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
            // The whole value, commas and all, as gt reads it (an ID has one value).
            "ID" if out.id.is_none() && !value.is_empty() => out.id = Some(percent_decode(value)),
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
