// Filter forms: leave empty fields out of the URL, so a shared link holds only the filters in use.
"use strict";
(function () {
  document.querySelectorAll("form.filters, form.pickers").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input[name], select[name]").forEach((field) => {
        if (field.value === "") field.disabled = true;
      });
    });
  });
  // coming back through the history shows the form as it was left, enabled
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form.filters [disabled], form.pickers [disabled]").forEach((f) => { f.disabled = false; });
  });
})();
