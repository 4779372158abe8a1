// "Open in Gmail reply": press Gmail's own Reply control and type the suggested text into its
// editable body, so the user can finish and send from Gmail. Nothing is sent from here.
//
// Try it: open a rejection on https://mail.google.com/mail/u/0/#inbox and press
// "Open in Gmail reply" on NextLead's card.
"use strict";

(() => {
  const { selectors: S, waitForElement } = globalThis.NextLead;
  const REPLY_BOX_WAIT_MS = 5000;

  /** Gmail's controls react to the full mouse sequence, not to a bare click(). */
  function press(control) {
    for (const type of ["mousedown", "mouseup", "click"]) {
      control.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
    }
  }

  /** The reply control for `message`: its own, else the conversation's "Reply" link. */
  function replyControl(message) {
    const own = message.querySelector(S.REPLY_BUTTON);
    if (own) return own;
    for (let node = message.parentElement; node; node = node.parentElement) {
      const shared = node.querySelector(S.REPLY_BUTTON);
      if (shared) return shared;
    }
    return null;
  }

  /** Put `text` at the start of Gmail's editable body, as typed text (kept in Gmail's undo). */
  function typeInto(body, text) {
    body.focus();
    const selection = window.getSelection();
    const range = document.createRange();
    range.setStart(body, 0);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    const firstLine = text.split("\n", 1)[0];
    // execCommand is the only way to type into an editor and keep its undo stack and events.
    if (document.execCommand("insertText", false, text) && body.textContent.includes(firstLine)) {
      return;
    }
    const lines = text.split("\n");
    const fragment = document.createDocumentFragment();
    lines.forEach((line, index) => {
      if (index > 0) fragment.append(document.createElement("br"));
      fragment.append(document.createTextNode(line));
    });
    body.prepend(fragment);
    body.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
  }

  /**
   * Open Gmail's reply to `message` and put `text` in it. Resolves to null when done, or to a
   * sentence saying what went wrong.
   */
  async function openGmailReply(message, text, signal) {
    const existing = document.querySelector(S.REPLY_BODY);
    if (!existing) {
      const control = replyControl(message);
      if (!control) return "Gmail's Reply button is not on the page; press Reply yourself.";
      press(control);
    }
    const body = existing ?? (await waitForElement(document, S.REPLY_BODY, REPLY_BOX_WAIT_MS, signal));
    if (!body) return "Gmail's reply box did not open; press Reply yourself and paste the text.";
    typeInto(body, text);
    return null;
  }

  globalThis.NextLead.gmailReply = Object.freeze({ openGmailReply });
})();
