// KpuTriage desk: keyboard shortcuts, the help overlay and live inbox updates.
// Served from the desk itself (CSP script-src 'self'); every page works without it.
(function () {
  "use strict";
  const page = document.body.dataset.page || "";
  const help = document.getElementById("help");

  function typing(target) {
    return target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }
  function showHelp(show) {
    if (help) { help.hidden = !show; if (show) { document.getElementById("help-close").focus(); } }
  }
  function go(id) {
    const link = document.getElementById(id);
    if (link) { window.location.href = link.href; }
  }
  function submit(id) {
    const button = document.getElementById(id);
    if (button && !button.disabled && button.form) { button.form.requestSubmit(button); }
  }

  document.getElementById("help-open")?.addEventListener("click", () => showHelp(true));
  document.getElementById("help-close")?.addEventListener("click", () => showHelp(false));

  // Inbox and register: a selected row moved with j/k, opened with Enter or o.
  let selected = -1;
  function rows() { return Array.from(document.querySelectorAll("tbody tr[data-href]")); }
  function select(index) {
    const all = rows();
    if (all.length === 0) { selected = -1; return; }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row, i) => row.classList.toggle("selected", i === selected));
    all[selected].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("click", (event) => {
    const row = event.target.closest && event.target.closest("tbody tr[data-href]");
    if (row && !event.target.closest("a, button, input, select")) { window.location.href = row.dataset.href; }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (help && !help.hidden) { showHelp(false); event.preventDefault(); return; }
      if (typing(event.target)) { event.target.blur(); event.preventDefault(); }
      return;
    }
    if (page === "item" && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit("approve");
      return;
    }
    if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (help && !help.hidden) { return; }
    const list = page === "inbox" || page === "register";
    let handled = true;
    switch (event.key) {
      case "?": showHelp(true); break;
      case "/": {
        const search = document.getElementById("search");
        if (search) { search.focus(); search.select(); } else { window.location.href = "/inbox#search"; }
        break;
      }
      case "i": window.location.href = "/inbox"; break;
      case "j": case "ArrowDown":
        if (list) { select(selected + 1); } else if (page === "item") { go("next"); } else { handled = false; }
        break;
      case "k": case "ArrowUp":
        if (list) { select(selected - 1); } else if (page === "item") { go("previous"); } else { handled = false; }
        break;
      case "Enter": case "o":
        if (list && selected >= 0) { window.location.href = rows()[selected].dataset.href; } else { handled = false; }
        break;
      case "n":
        if (page === "item") { go("next"); } else { document.querySelector("a[rel=next]")?.click(); }
        break;
      case "p":
        if (page === "item") { go("previous"); } else { document.querySelector("a[rel=prev]")?.click(); }
        break;
      case "a": if (page === "item") { submit("approve"); } else { handled = false; } break;
      case "e":
        if (page === "item") { document.querySelector("#decision input, #decision select, #decision textarea")?.focus(); } else { handled = false; }
        break;
      case "r": if (page === "item") { document.getElementById("reason")?.focus(); } else { handled = false; } break;
      case "s": if (page === "item") { submit("send-back"); } else { handled = false; } break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  // Enter in the reject reason rejects (instead of approving, the form's first button).
  document.getElementById("reason")?.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.ctrlKey) { event.preventDefault(); submit("reject"); }
  });

  if (page === "inbox") {
    if (window.location.hash === "#search") { document.getElementById("search")?.focus(); }
    // Live updates: the server re-renders the list (escaped, as every page); swap it when it changed.
    const container = document.getElementById("inbox-rows");
    const source = container?.dataset.rows;
    if (container && source) {
      let last = container.innerHTML;
      window.setInterval(async () => {
        if (document.hidden) { return; }
        try {
          const response = await fetch(source, { credentials: "same-origin", headers: { "Accept": "text/html" } });
          if (!response.ok || response.redirected) { return; }
          const html = await response.text();
          if (html !== last) {
            const keep = selected;
            container.innerHTML = html;
            last = container.innerHTML;
            if (keep >= 0) { select(keep); }
          }
        } catch (e) { /* offline for a moment: try again on the next tick */ }
      }, Number(container.dataset.interval || 5000));
    }
  }
})();
