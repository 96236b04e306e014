// Text size buttons on the article page. The chosen size is kept in localStorage so the next
// article opens at the same size; without JavaScript the buttons stay hidden and the page reads
// at the browser's size.
(function () {
  "use strict";
  var KEY = "newsroom.fontStep";
  var MIN = -2;
  var MAX = 4;
  var controls = document.querySelector(".font-controls");
  var article = document.getElementById("article");
  if (!controls || !article) {
    return;
  }

  function readStep() {
    try {
      var stored = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(stored) ? 0 : Math.max(MIN, Math.min(MAX, stored));
    } catch (e) {
      return 0;
    }
  }

  function apply(step) {
    // Each step is an eighth of the base size: 100%, 112.5%, 125% ...
    article.style.setProperty("--article-scale", String(1 + step / 8));
    controls.querySelector(".font-larger").disabled = step >= MAX;
    controls.querySelector(".font-smaller").disabled = step <= MIN;
  }

  var step = readStep();
  apply(step);
  controls.hidden = false;
  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-font-step]");
    if (!button) {
      return;
    }
    step = Math.max(MIN, Math.min(MAX, step + parseInt(button.getAttribute("data-font-step"), 10)));
    apply(step);
    try {
      window.localStorage.setItem(KEY, String(step));
    } catch (e) {
      // Private browsing may refuse storage; the size still applies to this page.
    }
  });
})();
