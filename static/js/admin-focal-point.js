/* Photo admin: click the preview to set the focal point; the two number fields stay the source of truth. */
(function () {
  "use strict";

  function round(value) {
    return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
  }

  function setUp(box) {
    var img = box.querySelector("img");
    var marker = box.querySelector("[data-focal-marker]");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    if (!img || !marker || !fieldX || !fieldY) {
      return;
    }
    function place() {
      marker.style.left = (parseFloat(fieldX.value) || 0) * 100 + "%";
      marker.style.top = (parseFloat(fieldY.value) || 0) * 100 + "%";
    }
    img.style.cursor = "crosshair";
    img.addEventListener("click", function (event) {
      var rect = img.getBoundingClientRect();
      fieldX.value = round((event.clientX - rect.left) / rect.width);
      fieldY.value = round((event.clientY - rect.top) / rect.height);
      place();
    });
    fieldX.addEventListener("input", place);
    fieldY.addEventListener("input", place);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-point]").forEach(setUp);
  });
})();
