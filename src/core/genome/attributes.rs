//! GFF3 column 9, kept losslessly: the raw text is stored and decoded on demand.
//!
//! Keeping the raw bytes means a line no edit touches can be written back byte-identical,
//! %-escapes and all, while callers still read decoded values.

use std::borrow::Cow;

/// The attributes of one GFF3 line, as the raw (still %-escaped) column text.
///
/// ```
/// use genoforge::core::genome::attributes::Attributes;
/// let attrs = Attributes::new("ID=gene:YAL069W;description=Dubious ORF%3B unlikely");
/// assert_eq!(attrs.first("ID").as_deref(), Some("gene:YAL069W"));
/// assert_eq!(attrs.first("description").as_deref(), Some("Dubious ORF; unlikely"));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Attributes<'a>(&'a str);

/// One `tag=value,value` pair of column 9.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Attribute<'a> {
    /// The tag as written (still escaped).
    pub raw_tag: &'a str,
    /// The value text as written (still escaped, commas included).
    pub raw_value: &'a str,
}

impl<'a> Attribute<'a> {
    /// The decoded tag.
    pub fn tag(&self) -> Cow<'a, str> {
        percent_decode(self.raw_tag)
    }

    /// The decoded values (the value text split at unescaped commas).
    pub fn values(self) -> impl Iterator<Item = Cow<'a, str>> + 'a {
        let raw = self.raw_value;
        split_ascii(raw, b',')
            .filter(|v| !v.is_empty())
            .map(percent_decode)
    }
}

impl<'a> Attributes<'a> {
    /// Wraps raw column-9 text (`.` means none).
    pub fn new(raw: &'a str) -> Self {
        Self(if raw == "." { "" } else { raw })
    }

    /// The raw text, exactly as read.
    pub fn raw(&self) -> &'a str {
        self.0
    }

    /// Every `tag=value` pair in order. Empty fields (`;;`, a trailing `;`) are skipped.
    pub fn iter(&self) -> impl Iterator<Item = Attribute<'a>> + 'a {
        split_ascii(self.0, b';').filter_map(|field| {
            let field = field.trim_start_matches(' ');
            if field.trim().is_empty() {
                return None;
            }
            let (raw_tag, raw_value) = split_once_ascii(field, b'=').unwrap_or((field, ""));
            Some(Attribute { raw_tag, raw_value })
        })
    }

    /// The first attribute with this (decoded) tag.
    pub fn get(&self, tag: &str) -> Option<Attribute<'a>> {
        self.iter().find(|a| a.tag() == tag)
    }

    /// The first decoded value of `tag`.
    pub fn first(&self, tag: &str) -> Option<Cow<'a, str>> {
        self.get(tag).and_then(|a| a.values().next())
    }

    /// All decoded values of `tag` (across repeated tags too).
    pub fn all(&self, tag: &str) -> Vec<Cow<'a, str>> {
        self.iter()
            .filter(|a| a.tag() == tag)
            .flat_map(|a| a.values())
            .collect()
    }

    /// Column 9 with the `Parent` values replaced by `parents` (escaped), every other byte kept.
    /// With no parents left, the `Parent` field is removed; an empty result becomes `.`.
    pub fn with_parents(&self, parents: &[&str]) -> String {
        self.with_values("Parent", parents)
    }

    /// Column 9 with the values of `tag` replaced by `values` (escaped), every other byte kept:
    /// in place of the first field with this tag, or appended when there is none. With no values,
    /// the field is removed; an empty result becomes `.`.
    pub fn with_values(&self, tag: &str, values: &[&str]) -> String {
        let mut fields: Vec<Cow<'_, str>> = Vec::new();
        let mut replaced = false;
        let joined = || {
            let v: Vec<Cow<'_, str>> = values.iter().map(|p| percent_encode(p)).collect();
            v.join(",")
        };
        for field in self.0.split(';') {
            let raw_tag = field.split_once('=').map_or(field, |(t, _)| t);
            if percent_decode(raw_tag.trim_start_matches(' ')) == tag {
                if !replaced && !values.is_empty() {
                    fields.push(Cow::Owned(format!("{raw_tag}={}", joined())));
                }
                replaced = true;
            } else if !field.is_empty() {
                fields.push(Cow::Borrowed(field));
            }
        }
        if !replaced && !values.is_empty() {
            fields.push(Cow::Owned(format!("{tag}={}", joined())));
        }
        let out = fields.join(";");
        if out.is_empty() { ".".to_owned() } else { out }
    }
}

/// Splits `s` at every ASCII byte `sep` (memchr-fast; ASCII separators always fall on char boundaries).
pub fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(sep, r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Splits at the first ASCII byte `sep`.
pub fn split_once_ascii(s: &str, sep: u8) -> Option<(&str, &str)> {
    memchr::memchr(sep, s.as_bytes()).map(|i| (&s[..i], &s[i + 1..]))
}

/// Decodes `%XX` escapes. Invalid escapes are kept as written; invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'%', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Escapes the characters GFF3 reserves in column 9 values (`; = & ,`, tab, newlines, `%`, controls).
pub fn percent_encode(s: &str) -> Cow<'_, str> {
    let needs =
        |c: char| matches!(c, ';' | '=' | '&' | ',' | '%' | '\t' | '\n' | '\r') || c.is_control();
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_multiple_values() {
        let a = Attributes::new("ID=cds1;Parent=mRNA%2C1,mRNA2;Note=a%3Db%25;empty;");
        assert_eq!(a.all("Parent"), vec!["mRNA,1", "mRNA2"]);
        assert_eq!(a.first("Note").as_deref(), Some("a=b%"));
        assert_eq!(a.iter().count(), 4);
        assert_eq!(percent_decode("50%"), "50%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn rewrites_only_parent() {
        let a = Attributes::new("ID=e1;Parent=t1,t2;Note=keep%3Bme");
        assert_eq!(a.with_parents(&["t2"]), "ID=e1;Parent=t2;Note=keep%3Bme");
        assert_eq!(a.with_parents(&[]), "ID=e1;Note=keep%3Bme");
        assert_eq!(Attributes::new("Parent=x").with_parents(&[]), ".");
        assert_eq!(percent_encode("a,b;c"), "a%2Cb%3Bc");
    }
}
