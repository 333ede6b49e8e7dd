// The example host page: the edit instance's spec, shown as it changes.
document.getElementById("editor").addEventListener("genoforge-change", (e) => {
  document.getElementById("spec").textContent = JSON.stringify(e.detail.spec, null, 2);
});
