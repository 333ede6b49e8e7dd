// Genoforge embed loader: defines <genoforge-editor> and exports mount(el, config).
// Also available as globalThis.Genoforge = { mount, version }.
//
//   <script type="module" src="https://assets.example.org/genoforge/genoforge-embed.js"></script>
//   <genoforge-editor genome="s288c" mode="view" height="600" design="by4741.json"></genoforge-editor>
//
// The wasm module and its glue live beside this file under v<VERSION>/ (stable names); the genome
// and other shipped files under the asset base (this file's folder unless `asset-base` says
// otherwise). The wasm module is initialised once per page; each element has its own state.

const VERSION = "0.1.0";
const HERE = new URL(".", import.meta.url);
const GLUE = new URL(`v${VERSION}/genoforge_embed.js`, HERE);
const WASM = new URL(`v${VERSION}/genoforge_embed_bg.wasm`, HERE);

let wasmLoad = null;

/** The initialised wasm module (one per page; a failure is remembered, not retried). */
function wasm() {
  if (!wasmLoad) {
    wasmLoad = import(GLUE.href).then(async (m) => {
      await m.default({ module_or_path: WASM });
      return m;
    });
  }
  return wasmLoad;
}

/** Fires a Genoforge event on the element (bubbles out of the shadow root). */
function emit(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

let errorSheet = null;

/** Shows a failure that happened before the app could render (the wasm module did not load). */
function showError(el, message) {
  const root = el.shadowRoot || el.attachShadow({ mode: "open" });
  if (!errorSheet) {
    errorSheet = new CSSStyleSheet();
    errorSheet.replaceSync(
      ":host{display:block;font:14px/1.5 system-ui,sans-serif}" +
        ".embed-error{margin:16px;padding:12px 16px;border:1px solid #c62828;border-radius:6px;color:#c62828;background:#fff}",
    );
  }
  root.adoptedStyleSheets = [errorSheet];
  const box = document.createElement("div");
  box.className = "embed-error";
  box.setAttribute("role", "alert");
  const strong = document.createElement("strong");
  strong.textContent = "Genoforge could not start. ";
  box.append(strong, message);
  root.replaceChildren(box);
}

function messageOf(e) {
  return (e && (e.message || String(e))) || "unknown error";
}

/** The handle `mount` resolves to. */
class Handle {
  constructor(el, raw, mode) {
    this.element = el;
    this._raw = raw;
    this._off = new Set();
    /** "view" or "edit". */
    this.mode = mode === "edit" ? "edit" : "view";
  }
  /** The genotype spec, as a plain object (the app's spec download, parsed). */
  getSpec() {
    return this._raw.getSpec();
  }
  /** Replaces the design; rejects with the app's message and changes nothing when refused. */
  async setSpec(spec) {
    this._raw.setSpec(spec);
  }
  getSelection() {
    return this._raw.getSelection();
  }
  async setSelection(selection) {
    this._raw.setSelection(selection);
  }
  setLocus(locus) {
    this._raw.setLocus(String(locus));
  }
  setMode(mode) {
    this._raw.setMode(String(mode));
    this.mode = String(mode).trim().toLowerCase();
  }
  /** Listens to a Genoforge event ("change" or "genoforge-change"); returns the unsubscribe function. */
  on(event, fn) {
    const name = event.startsWith("genoforge-") ? event : `genoforge-${event}`;
    const listener = (e) => fn(e.detail, e);
    this.element.addEventListener(name, listener);
    const off = () => {
      this.element.removeEventListener(name, listener);
      this._off.delete(off);
    };
    this._off.add(off);
    return off;
  }
  /** Unmounts: the element is empty again; listeners added with `on` are removed. */
  destroy() {
    for (const off of [...this._off]) off();
    this._raw.destroy();
  }
}

const raws = new WeakMap();

/**
 * Mounts Genoforge in `el` (a shadow root is attached to it). Resolves to a Handle once the genome
 * is shown and the design applied; rejects with the failure's message (also shown in the element
 * and fired as `genoforge-error`).
 */
export function mount(el, config = {}) {
  return mountWhile(el, config, () => true);
}

/** `mount`, given up quietly (and undone) as soon as `current()` is false: a removed element. */
async function mountWhile(el, config, current) {
  const cfg = { ...config };
  cfg.assetBase = new URL(cfg.assetBase || HERE.href, document.baseURI).href;
  // Autosave in the host's storage is the loader's business (the wasm never touches storage).
  const storageKey = cfg.storage && cfg.storage !== "none" ? `genoforge-embed:${cfg.storage}` : null;
  delete cfg.storage;
  let m;
  try {
    m = await wasm();
  } catch (e) {
    const message = `the wasm module could not be loaded: ${messageOf(e)}`;
    showError(el, message);
    emit(el, "genoforge-error", { phase: "wasm", message });
    throw new Error(message);
  }
  if (!current()) throw new Error("the element was removed before it was set up");
  raws.get(el)?.destroy();
  let raw;
  try {
    raw = m.mount(el, cfg);
  } catch (e) {
    const message = `the element could not be set up: ${messageOf(e)}`;
    showError(el, message);
    emit(el, "genoforge-error", { phase: "wasm", message });
    throw new Error(message);
  }
  raws.set(el, raw);
  const handle = new Handle(el, raw, cfg.mode);
  await raw.ready();
  if (!current()) {
    handle.destroy();
    throw new Error("the element was removed before it was ready");
  }
  if (storageKey) await keepIn(storageKey, el, handle, !cfg.design && !cfg.spec);
  return handle;
}

/**
 * `storage="<key>"`: the design saved under `genoforge-embed:<key>` in the host's localStorage is
 * restored when the element is given no design of its own, and every change made in edit mode is
 * saved there (a failure is fired as genoforge-error, never silent).
 */
async function keepIn(key, el, handle, restore) {
  const fail = (what, e) =>
    emit(el, "genoforge-error", { phase: "design", message: `${what} (storage "${key}"): ${messageOf(e)}` });
  if (restore) {
    let saved = null;
    try {
      saved = localStorage.getItem(key);
    } catch (e) {
      fail("the saved design could not be read", e);
    }
    if (saved) {
      try {
        await handle.setSpec(saved);
      } catch (e) {
        fail("the saved design could not be opened", e);
      }
    }
  }
  handle.on("change", (detail) => {
    if (handle.mode !== "edit") return; // view mode writes nothing
    try {
      localStorage.setItem(key, JSON.stringify(detail.spec));
    } catch (e) {
      fail("the design could not be saved", e);
    }
  });
}

/** Unmounts whatever `mount` put in `el` (also while it is still loading). */
function unmount(el) {
  raws.get(el)?.destroy();
  raws.delete(el);
}

function configOf(el) {
  const attr = (n) => {
    const v = el.getAttribute(n);
    return v === null || v === "" ? undefined : v;
  };
  const inline = el.querySelector(':scope > script[type="application/json"]');
  const height = attr("height");
  return {
    genome: attr("genome"),
    design: attr("design"),
    spec: inline ? inline.textContent : undefined,
    mode: attr("mode"),
    height: height === undefined ? undefined : parseFloat(height),
    locus: attr("locus"),
    assetBase: attr("asset-base"),
    storage: attr("storage"),
  };
}

/** <genoforge-editor>: the attributes of `mount`'s configuration, `handle` once ready. */
export class GenoforgeEditor extends HTMLElement {
  static observedAttributes = ["genome", "design", "mode", "height", "locus", "asset-base", "storage"];

  constructor() {
    super();
    this._generation = 0;
    this.handle = null;
  }

  connectedCallback() {
    if (this._mounted) return;
    this._start();
  }

  disconnectedCallback() {
    // Moving the element in the page (remove, then append at once) keeps it as it is.
    queueMicrotask(() => {
      if (!this.isConnected) this._stop();
    });
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this._mounted) return;
    const raw = raws.get(this);
    const ready = this.handle !== null && raw;
    const report = (e) => emit(this, "genoforge-error", { phase: "design", message: messageOf(e) });
    if (ready && name === "mode") {
      try {
        this.handle.setMode(value || "view");
      } catch (e) {
        report(e);
      }
    } else if (ready && name === "locus" && value) {
      try {
        raw.setLocus(value);
      } catch (e) {
        report(e);
      }
    } else if (ready && name === "height") {
      raw.setHeight(value ? parseFloat(value) : undefined);
    } else if (ready && name === "design" && value) {
      raw.setDesign(value).catch(() => {});
    } else {
      // The genome, the asset base or storage (or a change before the first load finished).
      this._stop();
      this._start();
    }
  }

  _start() {
    const generation = ++this._generation;
    this._mounted = true;
    mountWhile(this, configOf(this), () => generation === this._generation).then(
      (handle) => {
        if (generation === this._generation) this.handle = handle;
      },
      () => {}, // shown in the element and fired as genoforge-error
    );
  }

  _stop() {
    this._generation++;
    this._mounted = false;
    this.handle = null;
    unmount(this);
  }
}

if (!customElements.get("genoforge-editor")) {
  customElements.define("genoforge-editor", GenoforgeEditor);
}

export const version = VERSION;
globalThis.Genoforge = Object.freeze({ mount, version: VERSION });
