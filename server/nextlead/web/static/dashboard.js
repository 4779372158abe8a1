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

// Try by hand: the overview's Send and "Confirm rejection" buttons, an ask's Send button.
