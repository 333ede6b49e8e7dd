//! The path of the JSON value at an error's position (`edits[0].feature.children[0].p`), so a
//! message about a spec or an edits file says where in the document it is, not only on which line.
//!
//! Why not `serde_path_to_error`: it wraps the deserializer, so every `Deserialize` impl of the
//! spec was compiled a second time; that was 128 kB of the browser app's wasm (README, "Download
//! size"). Here the document is deserialized with plain `serde_json`, and only when that fails are
//! the bytes before the error scanned once to name the path.

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Frame {
    /// Inside an object: the key whose value is being read (`None` before the first key, after a
    /// comma).
    Object(Option<String>),
    /// Inside an array: the 0-based index of the element being read.
    Array(usize),
}

/// The path, in `serde_path_to_error`'s notation, of the value being read at `line`:`column`
/// (serde_json's 1-based line and byte column of the last byte it consumed). Keys are separated by
/// `.`, indices written `[i]`; the top level is `.`. The bytes before that position are assumed to
/// be well-formed JSON as far as they go (serde_json read them); anything else gives the path as
/// far as it can be followed. An error at a closing `}` or `]` (a missing field, an array of the
/// wrong length) names the container.
pub fn path_at(bytes: &[u8], line: usize, column: usize) -> String {
    let end = offset(bytes, line, column).min(bytes.len());
    let mut stack = frames(&bytes[..end]);
    // An error at a closing bracket (a missing field, a wrong length) is about the container itself.
    if matches!(bytes.get(end), Some(b'}' | b']')) {
        stack.pop();
    }
    render(&stack)
}

/// Byte offset of the last byte serde_json consumed (`line`:`column`), excluded from the scan so
/// that a closing `}` or `"` at the error does not end the value the error is about.
fn offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes)
            .nth(line - 2)
            .map_or(bytes.len(), |i| i + 1)
    };
    line_start + column.saturating_sub(1)
}

/// The open containers after reading `bytes`, outermost first.
fn frames(bytes: &[u8]) -> Vec<Frame> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i + 1);
                // A string read where a key is expected is the key (the last one may be cut by the
                // error's position: it is still the key the error is about).
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(unescape(&bytes[i..close.min(bytes.len())]));
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// Index of the `"` closing the string whose content starts at `from` (`bytes.len()` if cut).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The text of a JSON string token `"…` (closing quote excluded), escapes decoded where they are
/// complete.
fn unescape(token: &[u8]) -> String {
    let mut quoted = token.to_vec();
    quoted.push(b'"');
    serde_json::from_slice::<String>(&quoted)
        .unwrap_or_else(|_| String::from_utf8_lossy(&token[1..]).into_owned())
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    /// The path serde_json's own error position leads to, for a document that does not fit `T`.
    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        let e = serde_json::from_str::<T>(json).unwrap_err();
        path_at(json.as_bytes(), e.line(), e.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        edits: Vec<Edit>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Edit {
        enabled: Option<bool>,
        #[serde(default)]
        tags: Vec<u32>,
        name: String,
    }

    #[test]
    fn names_keys_and_indices() {
        let wrong_type = r#"{"edits": [{"name": "a"}, {"name": "b", "enabled": "yes"}]}"#;
        assert_eq!(path_of::<Doc>(wrong_type), "edits[1].enabled");
        let unknown = "{\n  \"edits\": [\n    {\"name\": \"a\", \"colour\": 1}\n  ]\n}";
        assert_eq!(path_of::<Doc>(unknown), "edits[0].colour");
        let in_array = r#"{"edits": [{"name": "a", "tags": [1, 2, "x"]}]}"#;
        assert_eq!(path_of::<Doc>(in_array), "edits[0].tags[2]");
        let missing = r#"{"edits": [{"name": "a"}, {"enabled": true}]}"#;
        assert_eq!(path_of::<Doc>(missing), "edits[1]");
        assert_eq!(path_of::<Doc>(r#"{"other": 1}"#), "other");
        assert_eq!(path_of::<Doc>(r#""text""#), ".");
        // A struct read from an array: its fields are elements.
        assert_eq!(path_of::<Doc>("[1]"), "[0]");
    }

    #[test]
    fn strings_with_brackets_quotes_and_escapes_are_skipped() {
        let tricky = r#"{"edits": [{"name": "a \"[,{\" b", "enabled": 2}]}"#;
        assert_eq!(path_of::<Doc>(tricky), "edits[0].enabled");
        let escaped_key = r#"{"edits": [{"name": "a", "col\u006fur": 1}]}"#;
        assert_eq!(path_of::<Doc>(escaped_key), "edits[0].colour");
    }
}
