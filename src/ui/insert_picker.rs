//! Choosing an insert: a cassette from the library, a pasted sequence, or a sequence file
//! (FASTA or GenBank). The parent owns the inputs; what they resolve to is derived.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::read_file;
use super::panel_dom::{picked_file, reset_file_input};
use super::state::AppState;
use crate::core::coord::thousands;
use crate::core::genetics::cassette::Cassette;
use crate::io::cassette::amplicon::{
    LONGTINE_F2, LONGTINE_R1, Pick, pick_from_genbank, pickable_features,
};
use crate::io::cassette::{parse_file, parse_text};

/// A file the user picked: its name and bytes (parsed when the insert is derived).
#[derive(Clone, Debug, PartialEq)]
pub struct PickedFile {
    /// File name.
    pub name: String,
    /// Its bytes.
    pub bytes: Arc<Vec<u8>>,
}

/// The inputs of an insert picker.
#[derive(Copy, Clone)]
pub struct InsertInputs {
    /// `cassette:<name>`, `paste` or `file`; empty means the library's first cassette.
    pub kind: RwSignal<String>,
    /// Pasted text.
    pub paste: RwSignal<String>,
    /// The insert's name (pasted or file).
    pub name: RwSignal<String>,
    /// The file picked, or why it could not be read.
    pub file: RwSignal<Option<Result<PickedFile, String>>>,
    /// For a GenBank file: `whole`, `feature:N` or `primers` (the default: `whole`).
    pub part: RwSignal<String>,
    /// Forward and reverse primers, when `part` is `primers`.
    pub primers: RwSignal<(String, String)>,
}

impl InsertInputs {
    /// Empty inputs.
    pub fn new() -> Self {
        Self {
            kind: RwSignal::new(String::new()),
            paste: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            file: RwSignal::new(None),
            part: RwSignal::new("whole".to_owned()),
            primers: RwSignal::new((LONGTINE_F2.to_owned(), LONGTINE_R1.to_owned())),
        }
    }

    /// What the inputs make (tracked): `None` while the library is still empty.
    pub fn resolve(&self, app: AppState) -> Option<Result<Cassette, String>> {
        let kind = self.kind.get();
        match kind.as_str() {
            "paste" => Some(parse_text(
                &self.paste.get(),
                &self.name.get(),
                "pasted sequence",
            )),
            "file" => Some(match self.file.get() {
                None => Err("choose a FASTA or GenBank file".to_owned()),
                Some(Err(e)) => Err(e),
                Some(Ok(f)) => {
                    let part = self.part.get();
                    let pick = match part.as_str() {
                        "primers" => {
                            let (forward, reverse) = self.primers.get();
                            Some(Pick::Primers { forward, reverse })
                        }
                        p => p
                            .strip_prefix("feature:")
                            .and_then(|i| i.parse().ok())
                            .map(Pick::Feature),
                    };
                    match pick {
                        Some(pick) if !pickable_features(&f.bytes).is_empty() => {
                            pick_from_genbank(&f.bytes, &pick, &self.name.get())
                        }
                        _ => parse_file(&f.name, (*f.bytes).clone(), &self.name.get()),
                    }
                }
            }),
            k => {
                let name = k.strip_prefix("cassette:").unwrap_or("");
                app.library.with(|l| {
                    let c = if name.is_empty() {
                        l.cassettes.first()
                    } else {
                        l.get(name)
                    };
                    match c {
                        Some(c) => Some(Ok(c.clone())),
                        None if name.is_empty() => None,
                        None => Some(Err(format!("no cassette named {name} in the library"))),
                    }
                })
            }
        }
    }
}

impl Default for InsertInputs {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads a picked file into `inputs.file`.
pub fn on_file(inputs: InsertInputs) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        reset_file_input(&ev);
        let name = file.name();
        leptos::task::spawn_local(async move {
            let read = read_file(&file).await.map(|bytes| PickedFile {
                name,
                bytes: Arc::new(bytes),
            });
            inputs.file.set(Some(read));
        });
    }
}

/// The picker: a select, and the paste box or file input it calls for. `prefix` makes the
/// element ids unique (`{prefix}-insert-kind`, `{prefix}-paste`, `{prefix}-file`, `{prefix}-name`).
#[component]
pub fn InsertPicker(app: AppState, inputs: InsertInputs, prefix: &'static str) -> impl IntoView {
    let kind_id = format!("{prefix}-insert-kind");
    let paste_id = format!("{prefix}-paste");
    let file_id = format!("{prefix}-file");
    let name_id = format!("{prefix}-name");
    let cassettes = Memo::new(move |_| {
        app.library.with(|l| {
            l.cassettes
                .iter()
                .map(|c| (c.name.clone(), c.len()))
                .collect::<Vec<_>>()
        })
    });
    let effective = move || {
        let k = inputs.kind.get();
        if k.is_empty() {
            cassettes
                .with(|c| c.first().map(|(n, _)| format!("cassette:{n}")))
                .unwrap_or_default()
        } else {
            k
        }
    };
    let is = move |k: &'static str| move || inputs.kind.get() == k;
    view! {
        <div class="field">
            <label for=kind_id.clone()>"Insert"</label>
            <select id=kind_id on:change=move |ev| inputs.kind.set(event_target_value(&ev))>
                {move || {
                    cassettes
                        .get()
                        .into_iter()
                        .map(|(name, len)| {
                            let value = format!("cassette:{name}");
                            let v2 = value.clone();
                            view! {
                                <option value=value prop:selected=move || effective() == v2>
                                    {format!("{name} ({} bp)", thousands(len as u64))}
                                </option>
                            }
                        })
                        .collect_view()
                }}
                <option value="paste" prop:selected=is("paste")>"Pasted sequence…"</option>
                <option value="file" prop:selected=is("file")>"Sequence file (FASTA, GenBank)…"</option>
            </select>
        </div>
        <Show when=move || is("paste")() || is("file")()>
            <div class="field">
                <label for=name_id.clone()>"Name"</label>
                <input
                    id=name_id.clone()
                    type="text"
                    spellcheck="false"
                    placeholder=move || if is("file")() { "from the record" } else { "from the FASTA header, else “insert”" }
                    prop:value=move || inputs.name.get()
                    on:input=move |ev| inputs.name.set(event_target_value(&ev))
                />
            </div>
        </Show>
        <Show when=is("paste")>
            <div class="field stacked">
                <label for=paste_id.clone()>"Sequence (bases, FASTA or GenBank)"</label>
                <textarea
                    id=paste_id.clone()
                    rows="4"
                    spellcheck="false"
                    class="mono"
                    prop:value=move || inputs.paste.get()
                    on:input=move |ev| inputs.paste.set(event_target_value(&ev))
                ></textarea>
            </div>
        </Show>
        <Show when=is("file")>
            <div class="field stacked">
                <label for=file_id.clone()>"FASTA or GenBank file"</label>
                <input
                    id=file_id.clone()
                    type="file"
                    accept=".fa,.fasta,.fna,.fsa,.seq,.txt,.gb,.gbk,.genbank,.ape,.gz"
                    on:change=on_file(inputs)
                />
                {move || {
                    inputs
                        .file
                        .get()
                        .and_then(Result::ok)
                        .map(|f| {
                            view! {
                                <span class="muted">
                                    {format!("{} ({} bytes)", f.name, thousands(f.bytes.len() as u64))}
                                </span>
                            }
                        })
                }}
            </div>
            {move || {
                // A GenBank plasmid: which part of it goes in (not the whole plasmid by default
                // once a part is chosen: AmpR and ori stay behind).
                let f = inputs.file.get().and_then(Result::ok)?;
                let features = pickable_features(&f.bytes);
                if features.is_empty() {
                    return None;
                }
                let part_id = format!("{prefix}-part");
                let part = move || inputs.part.get();
                Some(view! {
                    <div class="field stacked">
                        <label for=part_id.clone()>"Part of the record"</label>
                        <select id=part_id on:change=move |ev| inputs.part.set(event_target_value(&ev))>
                            <option value="whole" prop:selected=move || part() == "whole">"The whole record"</option>
                            <option value="primers" prop:selected=move || part() == "primers">"PCR product of two primers…"</option>
                            {features.into_iter().map(|(i, label)| {
                                let v = format!("feature:{i}");
                                let v2 = v.clone();
                                view! { <option value=v prop:selected=move || part() == v2>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <Show when=move || inputs.part.get() == "primers">
                        <div class="field stacked">
                            <label for=format!("{prefix}-fwd")>"Forward primer 5′→3′ (default: pFA6a F2)"</label>
                            <input id=format!("{prefix}-fwd") class="mono" spellcheck="false"
                                prop:value=move || inputs.primers.with(|p| p.0.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); inputs.primers.update(|p| p.0 = v) } />
                            <label for=format!("{prefix}-rev")>"Reverse primer 5′→3′ (default: pFA6a R1)"</label>
                            <input id=format!("{prefix}-rev") class="mono" spellcheck="false"
                                prop:value=move || inputs.primers.with(|p| p.1.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); inputs.primers.update(|p| p.1 = v) } />
                        </div>
                    </Show>
                })
            }}
        </Show>
    }
}
