// A small "Ask for a lead" chip on the mailbox list rows whose rejection has an ask waiting,
// so they stand out before they are opened. Matched by Gmail's thread id, else by sender
// and subject.
//
// Try it: with asks waiting (`nextlead scan` drafted some), open
// https://mail.google.com/mail/u/0/#inbox
"use strict";

(() => {
  const { element, request, debounce, observe, gmailPage } = globalThis.NextLead;

  const CHIP = '[data-nextlead="chip"]';
  const FRESH_MS = 60_000;
  let waiting = { at: 0, promise: null };

  const normalSubject = (text) =>
    (text ?? "")
      .replace(/^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|antw)\s*:\s*)+/i, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();

  /** Asks waiting to be sent, fetched at most once a minute. */
  function waitingAsks() {
    if (!waiting.promise || Date.now() - waiting.at > FRESH_MS) {
      waiting = { at: Date.now(), promise: request("waiting-asks") };
    }
    return waiting.promise;
  }

  /** Does this list row show one of the waiting asks' rejections? (pure) */
  function rowHasAsk(row, asks) {
    return asks.some(
      (ask) =>
        (ask.gm_thrid && row.threadId && ask.gm_thrid === row.threadId.replace(/^0+/, "").toLowerCase()) ||
        (ask.from_addr && ask.from_addr === row.from && normalSubject(ask.subject) === normalSubject(row.subject)),
    );
  }

  async function mark(signal) {
    if (signal.aborted || !gmailPage.isMailboxList()) return;
    const answer = await waitingAsks();
    if (signal.aborted || !answer.ok) return;
    for (const row of gmailPage.listRows()) {
      const has = rowHasAsk(gmailPage.rowIdentity(row), answer.data.asks);
      const chip = row.querySelector(CHIP);
      if (has && !chip) {
        const subject = row.querySelector(globalThis.NextLead.selectors.LIST_ROW_SUBJECT);
        subject?.before(
          element("span", {
            class: "nextlead-chip",
            "data-nextlead": "chip",
            title: "NextLead has a reply ready: open the message to see it",
            text: "Ask for a lead",
          }),
        );
      } else if (!has && chip) {
        chip.remove();
      }
    }
  }

  function init(signal) {
    const update = debounce(() => mark(signal), 250);
    signal.addEventListener("abort", update.cancel, { once: true });
    observe(document.body, update, { childList: true, subtree: true }, signal);
    update();
  }

  globalThis.NextLead.features.push({ name: "inbox-chip", init });
})();
