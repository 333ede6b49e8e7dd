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

/** Shows a failure that happened before the app could render (the wasm module did not load), in
 * the height the element was given (pixels; set through CSSOM, which a strict CSP allows). */
function showError(el, message, height) {
  const root = el.shadowRoot || el.attachShadow({ mode: "open" });
  if (height) el.style.setProperty("height", height);
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

/**
 * Why the wasm module did not load, in words a host can act on: a Content-Security-Policy that
 * blocks WebAssembly compilation is named with the source expression to add (browsers word it as
 * "'unsafe-eval' is not an allowed source", which would lead hosts to allow eval itself).
 */
function wasmMessage(e) {
  const text = messageOf(e);
  if (/unsafe-eval|Content Security Policy|CSP/i.test(text) && /WebAssembly|wasm|compil/i.test(text)) {
    return (
      "the wasm module could not be loaded: the page's Content-Security-Policy does not allow " +
      "WebAssembly; add 'wasm-unsafe-eval' to its script-src (script-src … 'wasm-unsafe-eval')"
    );
  }
  return `the wasm module could not be loaded: ${text}`;
}

const THEMES = ["light", "dark", "auto"];

/** Fires genoforge-error when the element's `theme` is not one the stylesheet knows (it then shows light). */
function checkTheme(el) {
  const theme = el.getAttribute("theme");
  if (theme !== null && !THEMES.includes(theme)) {
    const message = `theme="${theme}": use light, dark or auto; the element is shown light`;
    emit(el, "genoforge-error", { phase: "design", message });
  }
}

/**
 * The `height` attribute as a CSS length: a bare number is pixels ("600"), or any CSS length
 * ("50vh", "32rem", "calc(100vh - 4em)"). Undefined when absent; an Error naming it when CSS
 * refuses it.
 */
function cssHeight(value) {
  if (value === undefined || value === null || String(value).trim() === "") return undefined;
  const v = String(value).trim();
  const css = /^[0-9]+(\.[0-9]+)?$/.test(v) ? `${v}px` : v;
  if (!CSS.supports("height", css)) {
    throw new Error(`height="${v}" is not a CSS length: use pixels (600) or a length such as 50vh`);
  }
  return css;
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
  /** "view" or "edit"; reflected to the element's `mode` attribute. */
  setMode(mode) {
    this._raw.setMode(String(mode));
    this.mode = String(mode).trim().toLowerCase();
    if (this.element instanceof GenoforgeEditor && this.element.getAttribute("mode") !== this.mode) {
      this.element._reflecting = true;
      try {
        this.element.setAttribute("mode", this.mode);
      } finally {
        this.element._reflecting = false;
      }
    }
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
    if (this.element instanceof GenoforgeEditor && this.element.handle === this) this.element._destroyed();
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
  // A theme given to mount() is the element's `theme` attribute (the stylesheet reads it).
  if (cfg.theme && !el.hasAttribute("theme")) el.setAttribute("theme", String(cfg.theme));
  delete cfg.theme;
  checkTheme(el);
  let height;
  try {
    height = cssHeight(cfg.height);
  } catch (e) {
    emit(el, "genoforge-error", { phase: "design", message: messageOf(e) });
  }
  delete cfg.height;
  // Autosave in the host's storage is the loader's business (the wasm never touches storage).
  const storageKey = cfg.storage && cfg.storage !== "none" ? `genoforge-embed:${cfg.storage}` : null;
  delete cfg.storage;
  let m;
  try {
    m = await wasm();
  } catch (e) {
    const message = wasmMessage(e);
    showError(el, message, height);
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
    showError(el, message, height);
    emit(el, "genoforge-error", { phase: "wasm", message });
    throw new Error(message);
  }
  raws.set(el, raw);
  if (height !== undefined) raw.setHeight(height);
  const handle = new Handle(el, raw, cfg.mode);
  await raw.ready();
  if (!current()) {
    handle.destroy();
    throw new Error("the element was removed before it was ready");
  }
  if (storageKey) keepIn(storageKey, el, handle, raw, !cfg.design && !cfg.spec);
  return handle;
}

/**
 * `storage="<key>"`: the design saved under `genoforge-embed:<key>` in the host's localStorage is
 * restored when the element is given no design of its own, and every change made in edit mode is
 * saved there (a failure is fired as genoforge-error, never silent).
 */
function keepIn(key, el, handle, raw, restore) {
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
        raw.setSpec(saved, true); // the initial design: no genoforge-change, not undoable
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
  // A whole share link's `&at=` is its locus, unless the element names one.
  const design = attr("design");
  let locus = attr("locus");
  if (!locus && design && design.includes("#design=")) {
    locus = new URLSearchParams(design.slice(design.indexOf("#") + 1)).get("at") || undefined;
  }
  return {
    genome: attr("genome"),
    design,
    spec: inline ? inline.textContent : undefined,
    mode: attr("mode"),
    height: attr("height"),
    theme: attr("theme"),
    locus,
    assetBase: attr("asset-base"),
    storage: attr("storage"),
  };
}

/** <genoforge-editor>: the attributes of `mount`'s configuration, `handle` once ready. */
export class GenoforgeEditor extends HTMLElement {
  static observedAttributes = ["genome", "design", "mode", "height", "locus", "asset-base", "storage", "theme"];

  constructor() {
    super();
    this._generation = 0;
    this.handle = null;
  }

  connectedCallback() {
    if (this._mounted || this._dead) return;
    this._start();
  }

  disconnectedCallback() {
    // Moving the element in the page (remove, then append at once) keeps it as it is.
    queueMicrotask(() => {
      if (!this.isConnected) this._stop();
    });
  }

  attributeChangedCallback(name, old, value) {
    // `theme` is read by the stylesheet (:host([theme=…])); a destroyed element ignores changes.
    if (old === value || !this._mounted || this._dead || this._reflecting) return;
    if (name === "theme") return checkTheme(this);
    const raw = raws.get(this);
    const ready = this.handle !== null && raw;
    const report = (e) => emit(this, "genoforge-error", { phase: "design", message: messageOf(e) });
    if (ready && name === "mode") {
      // Compared with the element's mode, not the old attribute (setMode may have changed it).
      if ((value || "view").trim().toLowerCase() === this.handle.mode) return;
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
      try {
        raw.setHeight(cssHeight(value));
      } catch (e) {
        report(e);
      }
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

  /** `handle.destroy()` was called: the handle is cleared and attribute changes are ignored. */
  _destroyed() {
    this._generation++;
    this._dead = true;
    this.handle = null;
    raws.delete(this);
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
