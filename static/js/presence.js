// The change form's heartbeat: tells the server this editor still has the story open, and shows
// who else does ("Being edited by ... since 14:02"). No framework; one request a minute.
(function () {
  "use strict";
  var box = document.getElementById("presence");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-ping");
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  function show(others) {
    box.textContent = others.map(function (p) {
      return (box.getAttribute("data-template") || "Being edited by %s since %t.")
        .replace("%s", p.name).replace("%t", p.since);
    }).join(" ");
    box.hidden = others.length === 0;
  }
  function ping() {
    fetch(url, {method: "POST", credentials: "same-origin", headers: {"X-CSRFToken": token ? token.value : ""}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { show(data.others); } })
      .catch(function () {});
  }
  window.setInterval(ping, 60000);
})();
