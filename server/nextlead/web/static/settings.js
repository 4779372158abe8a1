// The settings page's live preview: when a setting changes, ask the server for the reply
// those settings would write (GET /settings/preview, same origin, the session cookie logs in)
// and show it as text. Without this script the Preview button does the same by a form post.
"use strict";

const form = document.querySelector("[data-preview-form]");
const preview = document.querySelector("[data-preview]");

if (form && preview) {
  let timer = 0;
  let latest = 0;

  const refresh = async () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name !== "csrf" && name !== "action") params.append(name, value);
    }
    const mine = ++latest;
    preview.dataset.state = "loading";
    try {
      const answer = await fetch(`/settings/preview?${params}`, { credentials: "same-origin" });
      if (mine !== latest) return; // a newer change is on its way
      if (answer.ok) preview.textContent = await answer.text();
      preview.dataset.state = answer.ok ? "fresh" : "error";
    } catch {
      if (mine === latest) preview.dataset.state = "error";
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
}

// Try by hand: /settings, then change the tone or the signature.
