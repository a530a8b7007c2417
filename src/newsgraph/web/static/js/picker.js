// Actor pickers: a text field with data-picker="actor" suggests actors from /api/actors (name or alias
// prefix, most mentioned first) as one types; click, or arrows and Enter, to pick. Suggestions are drawn
// with textContent only.
"use strict";
(function () {
  const LIMIT = 8;
  const WAIT_MS = 150;

  function setup(input) {
    const list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    let timer = null;
    let active = -1;
    let asked = "";

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }

    function pick(name) {
      input.value = name;
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function highlight(index) {
      const items = list.querySelectorAll("li");
      items.forEach((li, i) => {
        li.classList.toggle("active", i === index);
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
    }

    function show(items) {
      list.replaceChildren();
      items.forEach((a) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.dataset.name = a.name;
        li.dataset.id = a.id;
        const name = document.createElement("span");
        name.className = "s-name";
        name.textContent = a.name;
        const meta = document.createElement("small");
        const as = a.matched && a.matched !== a.name ? ` · as “${a.matched}”` : "";
        meta.textContent = ` ${a.type} · ${a.mentions} mentions${as}`;
        li.append(name, meta);
        li.addEventListener("mousedown", (evt) => { evt.preventDefault(); pick(a.name); });
        list.append(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }

    async function suggest() {
      const q = input.value.trim();
      if (!q) { close(); return; }
      asked = q;
      try {
        const response = await fetch(`/api/actors?q=${encodeURIComponent(q)}&limit=${LIMIT}`, { credentials: "same-origin" });
        if (!response.ok) return;
        const body = await response.json();
        if (asked === q && document.activeElement === input) show(body.items || []);
      } catch (err) {
        close(); // offline or server gone: the field still works as plain text
      }
    }

    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, WAIT_MS); });
    input.addEventListener("blur", () => setTimeout(close, 100));
    input.addEventListener("keydown", (evt) => {
      const items = list.querySelectorAll("li");
      if (list.hidden || !items.length) return;
      if (evt.key === "ArrowDown") { evt.preventDefault(); highlight((active + 1) % items.length); }
      else if (evt.key === "ArrowUp") { evt.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (evt.key === "Enter" && active >= 0) { evt.preventDefault(); pick(items[active].dataset.name); }
      else if (evt.key === "Escape") { close(); }
    });
  }

  document.querySelectorAll('input[data-picker="actor"]').forEach(setup);
})();
