// Small progressive touches for the dashboard; every page works without them.
// - A form with data-confirm asks before it is sent (Send is one click, and cannot be undone).
// - The ask page's form asks before its Send button (data-send) submits.
// - A submitted form's buttons are disabled, so an impatient second click does nothing
//   (the server also ignores it: the send form's idempotency key is the same both times).
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const submitter = event.submitter;
  let question = form.dataset.confirm;
  if (submitter && submitter.hasAttribute("data-send")) question = form.dataset.confirmSend;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // Disable after the browser has read the submitter's name and value into the request.
  setTimeout(() => {
    for (const button of form.querySelectorAll("button")) button.disabled = true;
  }, 0);
});

// "Copy the text" buttons (data-copy="#id"): shown only where the clipboard can be used.
for (const button of document.querySelectorAll("[data-copy]")) {
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value ?? source.textContent);
      button.textContent = "Copied";
    } catch {
      source.select(); // the user can still copy it by hand
    }
  });
}

// While a scan runs, show its progress (GET /scan.json) and reload for the new numbers.
const scans = document.querySelector("[data-scans]");
if (scans && scans.querySelector('[data-scan-state="running"]')) {
  const poll = async () => {
    let answer;
    try {
      answer = await fetch("/scan.json", { credentials: "same-origin" });
    } catch {
      return setTimeout(poll, 3000);
    }
    if (!answer.ok) return;
    const { scans: states } = await answer.json();
    for (const scan of states) {
      const line = scans.querySelector(`[data-scan="${CSS.escape(scan.account)}"] [data-scan-text]`);
      if (line && scan.state === "running") {
        line.textContent = scan.total
          ? `scanning, ${scan.done} of ${scan.total} messages…`
          : "scanning…";
      }
    }
    if (states.some((scan) => scan.state === "running")) setTimeout(poll, 1500);
    else window.location.reload();
  };
  setTimeout(poll, 1000);
}

// Try by hand: the overview's Send, "Confirm rejection" and "Scan now" buttons, an ask's
// Send button, and "Copy the text" on an answered ask.
