//! Importing dataset files: the picker (several files can fill one dataset), the target (a
//! registry dataset, or a new dataset with a name, level and phenotype typed by the user), the
//! format sniffed from the first file's header (never its name) with the column mapping dialog
//! pre-filled for genotype tables, then the import in the worker with progress (rows, MB, rate),
//! Cancel, and each file's report.

use std::io::Read;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::jobs::cancel;
use super::protocol::WireOptions;
use super::state::{DatasetsState, use_datasets};
use super::tasks::import;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::info::{DatasetInfo, PredictionLevel};
use crate::io::compress::Compression;
use crate::io::datasets::format::{ColumnMapping, Format, FormatHint, GenesColumns, sniff};
use crate::view::datasets_import::{MappingForm, dataset_id_for, megabytes, progress_text};

/// Bytes read from the first file to sniff its header.
const SNIFF_BYTES: f64 = 256.0 * 1024.0;

/// What the first file's header says.
#[derive(Clone, Debug, PartialEq)]
struct Sniffed {
    format: Format,
    first: String,
}

/// The first lines of the start of a file (gzip inflated as far as it goes).
async fn sniff_file(file: &File, hint: Option<FormatHint>) -> Result<Sniffed, String> {
    let slice = file
        .slice_with_f64_and_f64(0.0, SNIFF_BYTES.min(file.size()))
        .map_err(|e| format!("{e:?}"))?;
    let buf = JsFuture::from(slice.array_buffer())
        .await
        .map_err(|e| format!("{}: {e:?}", file.name()))?;
    let head = js_sys::Uint8Array::new(&buf).to_vec();
    let text = if Compression::detect(&head) == Compression::None {
        head
    } else {
        let mut out = Vec::new();
        // The slice ends mid-stream: read what inflates, ignore the cut.
        let _ = flate2::read::MultiGzDecoder::new(head.as_slice())
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut out);
        out
    };
    let text = String::from_utf8_lossy(&text);
    let mut lines = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (n, first) = lines.next().ok_or("the file is empty")?;
    let second = lines.next().map(|(_, l)| l.trim_end_matches('\r'));
    let first = first.trim_end_matches('\r').to_owned();
    let format = sniff(
        &first,
        second,
        n as u64 + 1,
        hint,
        &ColumnMapping::default(),
    )
    .map_err(|e| e.to_string())?;
    Ok(Sniffed { format, first })
}

fn picked(ev: &leptos::ev::Event) -> Vec<File> {
    use wasm_bindgen::JsCast;
    let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
    input
        .and_then(|i| i.files())
        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The registry dataset a sniffed format suggests.
fn suggested_target(format: &Format) -> Option<&'static str> {
    match format {
        Format::Costanzo2016 => Some("costanzo2016_dmf"),
        _ => None,
    }
}

/// The import form, progress and reports.
#[component]
pub fn ImportSection() -> impl IntoView {
    let ds = use_datasets();
    let files = RwSignal::new_local(Vec::<File>::new());
    let sniffed = RwSignal::new(None::<Result<Sniffed, String>>);
    let format = RwSignal::new(String::new());
    let target = RwSignal::new("new".to_owned());
    let name = RwSignal::new(String::new());
    let level = RwSignal::new(PredictionLevel::Global.as_str().to_owned());
    let phenotype = RwSignal::new(String::new());
    let keep_ho = RwSignal::new(false);
    let replace = RwSignal::new(false);
    let mapping = RwSignal::new(None::<MappingForm>);

    let resniff = move || {
        let Some(first) = files.with_untracked(|f| f.first().cloned()) else {
            sniffed.set(None);
            mapping.set(None);
            return;
        };
        let hint = FormatHint::parse(&format.get_untracked());
        leptos::task::spawn_local(async move {
            let s = sniff_file(&first, hint).await;
            if let Ok(s) = &s {
                if let Some(t) = suggested_target(&s.format) {
                    target.set(t.to_owned());
                }
                mapping.set(match &s.format {
                    Format::Table(t) if t.header && !matches!(t.genes, GenesColumns::Counted) => {
                        Some(MappingForm::from_header(&s.first, t))
                    }
                    _ => None,
                });
            } else {
                mapping.set(None);
            }
            sniffed.set(Some(s));
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        files.set(picked(&ev));
        if name.get_untracked().is_empty()
            && let Some(f) = files.with_untracked(|f| f.first().map(File::name))
        {
            name.set(f.split('.').next().unwrap_or(&f).to_owned());
        }
        resniff();
    };
    let targets = Memo::new(move |_| {
        ds.catalog.with(|c| {
            c.entries
                .iter()
                .map(|e| (e.info.id.clone(), e.info.note_name.clone(), e.status()))
                .collect::<Vec<_>>()
        })
    });
    let target_status = move || {
        let t = target.get();
        targets.with(|all| all.iter().find(|(id, _, _)| *id == t).map(|x| x.2))
    };
    let running = Memo::new(move |_| ds.progress.with(Option::is_some));
    let start = move |_| {
        let picked = files.get_untracked();
        if picked.is_empty() {
            ds.app.notify(true, "Pick one or more files first.");
            return;
        }
        if let Some(Err(e)) = sniffed.get_untracked() {
            ds.app.notify(
                true,
                format!("{} cannot be imported: {e}", picked[0].name()),
            );
            return;
        }
        let info = match target.get_untracked().as_str() {
            "new" => {
                let n = name.get_untracked();
                let n = n.trim();
                if n.is_empty() {
                    ds.app.notify(true, "Name the new dataset first.");
                    return;
                }
                let id = ds
                    .catalog
                    .with_untracked(|c| dataset_id_for(n, |x| c.index(x).is_some()));
                let level = PredictionLevel::parse(&level.get_untracked())
                    .unwrap_or(PredictionLevel::Global);
                let p = phenotype.get_untracked();
                let p = p.trim();
                DatasetInfo::user(&id, n, level, (!p.is_empty()).then_some(p))
            }
            id => match ds
                .catalog
                .with_untracked(|c| c.index(id).map(|i| c.entries[i].info.clone()))
            {
                Some(info) => info,
                None => return,
            },
        };
        let map = mapping
            .get_untracked()
            .map(|m| m.to_mapping())
            .unwrap_or_default();
        let options = WireOptions {
            format: Some(format.get_untracked()).filter(|f| !f.is_empty()),
            genes: map.genes,
            environment: map.environment,
            phenotype: map.phenotype,
            separator: map.separator,
            keep_ho: keep_ho.get_untracked(),
        };
        let replace = replace.get_untracked();
        leptos::task::spawn_local(import(ds, info, options, replace, picked));
    };
    view! {
        <section class="dataset-import" aria-labelledby="import-title">
            <h3 id="import-title">"Import dataset files"</h3>
            <p class="muted small">
                "Costanzo 2016 Data File S1, Kuzmin 2018/2020, any genotype table (CSV/TSV, plain or gzip) or a gene list; the format is read from the header. Several files can fill one dataset (Costanzo's four files → costanzo2016_dmf). Files are read in slices in a background worker and kept in this browser."
            </p>
            <div class="field-row">
                <div class="field">
                    <label for="dataset-files">"Files"</label>
                    <input
                        type="file"
                        id="dataset-files"
                        multiple=true
                        accept=".txt,.tsv,.csv,.tab,.gz,text/plain,text/csv,text/tab-separated-values,application/gzip"
                        on:change=on_files
                    />
                </div>
                <div class="field">
                    <label for="import-format">"Format"</label>
                    <select
                        id="import-format"
                        on:change=move |ev| {
                            format.set(event_target_value(&ev));
                            resniff();
                        }
                    >
                        <option value="">"from the header"</option>
                        <option value="costanzo">"Costanzo 2016"</option>
                        <option value="kuzmin">"Kuzmin 2018/2020"</option>
                        <option value="table">"genotype table"</option>
                        <option value="genelist">"gene list"</option>
                    </select>
                </div>
            </div>
            {move || {
                let total: u64 = files.with(|f| f.iter().map(|x| x.size() as u64).sum());
                let n = files.with(Vec::len);
                (n > 0)
                    .then(|| {
                        view! {
                            <p class="small" id="import-picked">
                                {format!("{n} file(s), {}", megabytes(total))}
                                {move || match sniffed.get() {
                                    Some(Ok(s)) => format!(" — header: {}", s.format.label()),
                                    Some(Err(e)) => format!(" — {e}"),
                                    None => String::new(),
                                }}
                            </p>
                        }
                    })
            }}
            <div class="field-row">
                <div class="field">
                    <label for="import-target">"Into"</label>
                    <select id="import-target" on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="new" prop:selected=move || target.get() == "new">"a new dataset…"</option>
                        {move || {
                            targets
                                .get()
                                .into_iter()
                                .map(|(id, note, status)| {
                                    let v = id.clone();
                                    let status = match status {
                                        DataStatus::Imported => " (has imported data)",
                                        DataStatus::Bundled => " (bundled list)",
                                        DataStatus::MetadataOnly => "",
                                    };
                                    view! {
                                        <option value=id.clone() prop:selected=move || target.get() == v>
                                            {format!("{id} — {note}{status}")}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <Show when=move || target_status() == Some(DataStatus::Imported)>
                    <label class="field">
                        <input type="checkbox" id="import-replace" prop:checked=move || replace.get() on:change=move |ev| replace.set(event_target_checked(&ev)) />
                        "replace its data (else the files are added to it)"
                    </label>
                </Show>
                <Show when=move || target_status() == Some(DataStatus::Bundled)>
                    <p class="muted small">"The files replace the bundled list (as genoforge select does)."</p>
                </Show>
            </div>
            <Show when=move || target.get() == "new">
                <div class="field-row">
                    <div class="field grow">
                        <label for="import-name">"Name"</label>
                        <input type="text" id="import-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="import-level">"Level"</label>
                        <select id="import-level" on:change=move |ev| level.set(event_target_value(&ev))>
                            {PredictionLevel::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.as_str() prop:selected=move || level.get() == l.as_str()>{l.label()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="import-phenotype">"Phenotype"</label>
                        <input type="text" id="import-phenotype" placeholder="e.g. fitness" prop:value=move || phenotype.get() on:input=move |ev| phenotype.set(event_target_value(&ev)) />
                    </div>
                </div>
                <p class="muted small">
                    {move || {
                        let n = name.get();
                        if n.trim().is_empty() {
                            String::new()
                        } else {
                            format!(
                                "Its id: {}",
                                ds.catalog.with(|c| dataset_id_for(&n, |x| c.index(x).is_some())),
                            )
                        }
                    }}
                </p>
            </Show>
            <Show when=move || matches!(sniffed.get(), Some(Ok(Sniffed { format: Format::Kuzmin { .. }, .. })))>
                <label class="field">
                    <input type="checkbox" id="import-keep-ho" on:change=move |ev| keep_ho.set(event_target_checked(&ev)) />
                    "keep YDL227C (HO, a neutral marker of the query strains) in genotypes"
                </label>
            </Show>
            <MappingDialog mapping=mapping />
            <div class="field-row">
                <button type="button" class="primary" id="import-start" on:click=start disabled=move || running.get()>
                    "Import"
                </button>
            </div>
            <ImportProgress ds=ds />
            <ImportReports ds=ds />
        </section>
    }
}

/// The column mapping of a genotype table, pre-filled from its header.
#[component]
fn MappingDialog(mapping: RwSignal<Option<MappingForm>>) -> impl IntoView {
    let column_select = move |id: &'static str,
                              get: fn(&MappingForm) -> Option<usize>,
                              set: fn(&mut MappingForm, Option<usize>)| {
        view! {
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<usize>().ok();
                    mapping.update(|m| if let Some(m) = m { set(m, v) });
                }
            >
                <option value="" prop:selected=move || mapping.with(|m| m.as_ref().and_then(get).is_none())>"none"</option>
                {move || {
                    mapping
                        .get()
                        .map(|m| {
                            m.columns
                                .iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    view! {
                                        <option value=i.to_string() prop:selected=move || mapping.with(|m| m.as_ref().and_then(get) == Some(i))>
                                            {c.clone()}
                                        </option>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </select>
        }
    };
    view! {
        <Show when=move || mapping.with(Option::is_some)>
            <fieldset class="mapping" id="import-mapping">
                <legend>"Columns of the table (recognised from the header; change as needed)"</legend>
                <div class="field-row">
                    <span>"Genes:"</span>
                    {move || {
                        mapping
                            .get()
                            .map(|m| {
                                m.columns
                                    .iter()
                                    .enumerate()
                                    .map(|(i, c)| {
                                        view! {
                                            <label class="field small">
                                                <input
                                                    type="checkbox"
                                                    class="mapping-gene"
                                                    data-column=c.clone()
                                                    prop:checked=m.genes.contains(&i)
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        mapping.update(|m| if let Some(m) = m {
                                                            m.genes.retain(|&g| g != i);
                                                            if on {
                                                                m.genes.push(i);
                                                                m.genes.sort_unstable();
                                                            }
                                                        });
                                                    }
                                                />
                                                {c.clone()}
                                            </label>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="import-env-column">"Environment"</label>
                        {column_select("import-env-column", |m| m.environment, |m, v| m.environment = v)}
                    </div>
                    <div class="field">
                        <label for="import-phenotype-column">"Phenotype"</label>
                        {column_select("import-phenotype-column", |m| m.phenotype, |m, v| m.phenotype = v)}
                    </div>
                    <div class="field">
                        <label for="import-separator">"Genes joined by"</label>
                        <select
                            id="import-separator"
                            on:change=move |ev| {
                                let v = event_target_value(&ev).chars().next();
                                mapping.update(|m| if let Some(m) = m { m.separator = v });
                            }
                        >
                            <option value="">"any of ; , + | space"</option>
                            <option value=";">";"</option>
                            <option value=",">","</option>
                            <option value="+">"+"</option>
                            <option value="|">"|"</option>
                            <option value=" ">"space"</option>
                        </select>
                    </div>
                </div>
                <p class="muted small">
                    {move || {
                        mapping.with(|m| match m {
                            Some(m) if m.genes.is_empty() => "Tick the column(s) holding the genes.".to_owned(),
                            Some(m) if m.genes.len() == 1 => "One column of genes, joined by the separator.".to_owned(),
                            Some(m) => format!("{} gene columns, one gene each (empty cells skipped).", m.genes.len()),
                            None => String::new(),
                        })
                    }}
                </p>
            </fieldset>
        </Show>
    }
}

/// Progress (rows, MB, rate) and Cancel.
#[component]
fn ImportProgress(ds: DatasetsState) -> impl IntoView {
    move || {
        ds.progress.get().map(|p| {
            let (name, total) = p.files.get(p.file).cloned().unwrap_or_default();
            let text = progress_text(p.bytes, total, p.rows, p.now_ms - p.started_ms);
            let of = if p.files.len() > 1 {
                format!(" (file {} of {})", p.file + 1, p.files.len())
            } else {
                String::new()
            };
            view! {
                <div class="import-progress" role="status" aria-live="polite">
                    <p class="small">
                        {format!("Reading {name}{of} into {}: ", p.dataset)}
                        <span id="import-progress-text" data-rows=p.rows.to_string() data-bytes=p.bytes.to_string()>{text}</span>
                    </p>
                    <progress id="import-progress" max=total.max(1).to_string() value=p.bytes.to_string()></progress>
                    <button type="button" id="import-cancel" on:click=move |_| cancel(ds)>"Cancel"</button>
                </div>
            }
        })
    }
}

/// What each imported file gave.
#[component]
fn ImportReports(ds: DatasetsState) -> impl IntoView {
    let latest_first = move || {
        let mut r = ds.reports.get();
        r.reverse();
        r
    };
    view! {
        <ul class="import-reports" id="import-reports">
            <For each=latest_first key=|e| (e.id, e.stored.clone()) let(e)>
                <li class="import-report" class:failed=e.report.is_err() data-dataset=e.dataset.clone()>
                    {match e.report.clone() {
                        Ok(r) => {
                            let took = format!(" in {:.2} s → {}", r.elapsed_ms / 1000.0, e.dataset);
                            view! {
                                <p class="report-summary" data-rows=r.rows.to_string() data-keys=r.keys.to_string() data-ms=format!("{:.0}", r.elapsed_ms)>
                                    {r.summary()}{took}
                                </p>
                                <ul class="small">
                                    {r.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
                                </ul>
                                {r.names_heading().map(|h| {
                                    view! {
                                        <p class="small">{h}</p>
                                        <ul class="small mono report-names">
                                            {r.names.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                                        </ul>
                                    }
                                })}
                            }
                            .into_any()
                        }
                        Err((name, error)) => view! {
                            <p class="refusal">{format!("{name} was not imported: {error}")}</p>
                        }
                        .into_any(),
                    }}
                    <p class="small stored" class:refusal=e.store_problem>
                        {e.stored.clone().unwrap_or_else(|| if e.report.is_ok() { "saving in this browser…".to_owned() } else { String::new() })}
                    </p>
                </li>
            </For>
        </ul>
    }
}
