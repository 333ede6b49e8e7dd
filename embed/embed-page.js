// embed.html: shows the design its fragment carries (#design=<packed spec>[&at=<locus>][&mode=edit]),
// for sites that can only add an <iframe>. Changing the fragment shows the new design.
const el = document.getElementById("genoforge");

function apply() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const design = params.get("design");
  const at = params.get("at");
  const mode = params.get("mode");
  if (mode) el.setAttribute("mode", mode);
  if (at) el.setAttribute("locus", at);
  if (design) el.setAttribute("design", design);
}

// Before the element mounts, so it starts with the design.
apply();
window.addEventListener("hashchange", apply);
