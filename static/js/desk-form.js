// The article change form's comforts: a headline counter, the unsaved-copy autosave, a warning
// before leaving with unsaved changes, and Ctrl+S / Cmd+S for "Save and continue editing".
// No framework and no inline script; the texts come translated in #desk-form-texts.
(function () {
  "use strict";
  var texts = document.getElementById("desk-form-texts");
  var form = document.getElementById("article_form");
  if (!texts || !form) { return; }

  // --- headline length ----------------------------------------------------------------------
  var headline = document.getElementById("id_headline");
  if (headline) {
    var count = document.createElement("span");
    count.className = "headline-count help";
    count.id = "headline-count";
    count.setAttribute("aria-live", "polite");
    // Below the label and box, aligned like the admin's help texts (inside the row it would squeeze the box).
    var row = headline.closest(".flex-container") || headline;
    row.insertAdjacentElement("afterend", count);
    headline.setAttribute("aria-describedby", "headline-count");
    var showCount = function () {
      var n = Array.from(headline.value).length;
      var line = texts.getAttribute("data-count").replace("%n", String(n));
      var long = n > 70;
      count.textContent = long ? line + " " + texts.getAttribute("data-long") : line;
      count.classList.toggle("is-long", long);
    };
    headline.addEventListener("input", showCount);
    showCount();
  }

  // --- what the form holds, and whether it differs from what was saved ------------------------
  var KEPT = ["headline", "summary", "body", "slugline", "editors_note", "dateline_place"];
  function snapshot() {
    var data = new FormData(form);
    var parts = [];
    data.forEach(function (value, key) {
      if (key !== "csrfmiddlewaretoken" && typeof value === "string") { parts.push(key + "=" + value); }
    });
    return parts.join("&");
  }
  var saved = null;          // the form as served (taken once the editor has started)
  var forceDirty = texts.getAttribute("data-dirty") === "1";  // a restored copy is not saved yet
  var leaving = false;       // set on submit: the form is being saved, no warning
  function dirty() { return forceDirty || (saved !== null && snapshot() !== saved); }
  // The baseline is taken as soon as the body's editor is up (it writes the textarea from then on).
  var started = Date.now();
  (function waitForEditor() {
    var editors = window.editors || {};
    if (!document.getElementById("id_body") || editors.id_body || Date.now() - started > 8000) {
      saved = snapshot();
    } else {
      window.setTimeout(waitForEditor, 100);
    }
  })();

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    // The preview opens in another tab: the form stays open and unsaved.
    if (submitter && submitter.getAttribute("formtarget") === "_blank") { return; }
    leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !dirty()) { return undefined; }
    event.preventDefault();
    event.returnValue = "";
    return "";
  });

  // --- Ctrl+S / Cmd+S: save and keep editing ----------------------------------------------------
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      var button = form.querySelector("input[name=_continue], button[name=_continue]");
      if (button) { form.requestSubmit(button); }
    }
  }, true);

  // --- autosave: the text fields, every few seconds while they changed ---------------------------
  var url = texts.getAttribute("data-autosave");
  if (!url || !window.fetch) { return; }
  var status = document.createElement("span");
  status.className = "autosave-status";
  status.id = "autosave-status";
  status.setAttribute("role", "status");
  var submitRow = form.querySelector(".submit-row");
  if (submitRow) { submitRow.appendChild(status); }
  var lastKept = null;
  function keep() {
    if (leaving || saved === null || !dirty()) { return; }
    var current = snapshot();
    if (current === lastKept) { return; }
    var body = new FormData();
    var all = new FormData(form);
    KEPT.concat(["base_revision", "csrfmiddlewaretoken"]).forEach(function (name) {
      if (all.has(name)) { body.append(name, all.get(name)); }
    });
    fetch(url, {method: "POST", body: body, credentials: "same-origin", headers: {"X-Requested-With": "fetch"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.kept) {
          lastKept = current;
          status.textContent = texts.getAttribute("data-kept").replace("%t", data.at);
        }
      })
      .catch(function () {});
  }
  window.setInterval(keep, 3000);
  // Leaving with unsaved text: keep it once more on the way out (the warning may be ignored).
  window.addEventListener("pagehide", function () {
    if (leaving || !dirty() || !navigator.sendBeacon) { return; }
    var body = new FormData();
    var all = new FormData(form);
    KEPT.concat(["base_revision", "csrfmiddlewaretoken"]).forEach(function (name) {
      if (all.has(name)) { body.append(name, all.get(name)); }
    });
    navigator.sendBeacon(url, body);
  });
})();
