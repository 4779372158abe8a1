// The card above a rejection in Gmail: who turned you down and why NextLead thinks so, the
// suggested reply (editable), and Send / Open in Gmail reply / Not a rejection / Dismiss.
//
// Skeleton: what to show (pure), the card's DOM and its actions, then init(signal) which
// follows the open conversation. Everything that came from an email goes in as textContent.
//
// Try it: with `nextlead serve` running and the extension paired, open a rejection at
// https://mail.google.com/mail/u/0/#inbox (e.g. one `nextlead scan` listed).
"use strict";

(() => {
  const { element, request, debounce, observe, gmailPage, gmailReply } = globalThis.NextLead;

  const CARD = '[data-nextlead="card"]';
  const RETRY_FAILED_MS = 10_000;
  const LINKED_PROBLEMS = new Set(["unpaired", "token", "origin"]);

  const STATE_NOTES = {
    failed: (ask) => `The last try failed: ${ask.error ?? "the mail server refused it"}.`,
    unknown: () => "It may have gone out: check your Sent folder before sending it again.",
    sending: () => "It is being sent; reopen this message in a minute to see how it went.",
  };

  const answers = new Map(); // message key -> {promise, failedAt}
  const edits = new Map(); // ask id -> the user's edited reply
  const sendKeys = new Map(); // ask id -> idempotency key of a send whose outcome is unknown
  const hidden = new Set(); // message keys the user dismissed or corrected
  let noticesOff = false; // the user dismissed the "cannot reach NextLead" notice

  // What to show -----------------------------------------------------------------------------

  /** "ask" | "sent" | "no-contact" | "notice" | null (no card) for a server answer. */
  function cardKind(answer) {
    if (!answer.ok) return noticesOff ? null : "notice";
    const { found, message, ask } = answer.data;
    if (!found) return null;
    if (message.status === "rejection" && ask) {
      if (ask.state === "sent") return "sent";
      if (ask.state !== "dismissed") return "ask";
    }
    if (message.status === "no_contact") return "no-contact";
    return null;
  }

  /** One server lookup per message; a failed one is tried again after a while. */
  function lookup(key, query) {
    const cached = answers.get(key);
    if (cached && !(cached.failedAt && Date.now() - cached.failedAt > RETRY_FAILED_MS)) {
      return cached.promise;
    }
    const entry = { promise: request("suggestion", { query }), failedAt: 0 };
    answers.set(key, entry);
    entry.promise.then((answer) => {
      if (!answer.ok) entry.failedAt = Date.now();
    });
    return entry.promise;
  }

  /** Remember a changed ask in the cached answer, so reopening the message shows it. */
  async function remember(key, change) {
    const answer = await answers.get(key)?.promise;
    if (answer?.ok && answer.data.ask) Object.assign(answer.data.ask, change);
  }

  const when = (iso) =>
    new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  // The card ---------------------------------------------------------------------------------

  function button(action, label, primary = false) {
    return element("button", {
      type: "button",
      class: primary ? "nextlead-button nextlead-primary" : "nextlead-button",
      "data-nextlead-action": action,
      text: label,
    });
  }

  function shell(key, kind, label) {
    const card = element("div", {
      class: "nextlead-card",
      role: "region",
      "aria-label": label,
      "data-nextlead": "card",
      "data-nextlead-kind": kind,
      "data-nextlead-for": key,
    });
    // Keys typed in the card are the user's, not Gmail's shortcuts ("r", "c", "#"...).
    for (const type of ["keydown", "keypress", "keyup"]) {
      card.addEventListener(type, (event) => event.stopPropagation());
    }
    card.append(element("div", { class: "nextlead-brand", text: "NextLead" }));
    return card;
  }

  function headline(message) {
    const company = message.company || message.from_name || message.from_addr || "someone";
    const role = message.role ? ` (${message.role})` : "";
    const lines = [element("p", { class: "nextlead-title", text: `Rejection from ${company}${role}` })];
    const facts = [];
    if (message.contact_name) facts.push(`Signed by ${message.contact_name}`);
    else if (message.from_name) facts.push(`From ${message.from_name}`);
    if (message.evidence?.length) facts.push(`recognised by “${message.evidence[0]}”`);
    if (facts.length) lines.push(element("p", { class: "nextlead-why", text: facts.join(" · ") }));
    return lines;
  }

  function statusLine(text = "") {
    return element("p", {
      class: "nextlead-status",
      "data-nextlead": "status",
      role: "status",
      "aria-live": "polite",
      text,
    });
  }

  function askCard(key, answer) {
    const { message: rejection, ask } = answer.data;
    const sent = ask.state === "sent";
    const card = shell(key, sent ? "sent" : "ask", "NextLead: suggested reply to this rejection");
    const replyId = `nextlead-reply-${ask.id}`;
    const reply = element("textarea", {
      id: replyId,
      class: "nextlead-reply",
      "data-nextlead": "reply",
      rows: Math.min(Math.max(ask.body.split("\n").length + 1, 6), 18),
      spellcheck: "true",
      readonly: sent,
    });
    reply.value = edits.get(ask.id) ?? ask.body;
    reply.addEventListener("input", () => edits.set(ask.id, reply.value));
    const label = element("label", {
      class: "nextlead-label",
      for: replyId,
      text: `${sent ? "Your reply" : "Suggested reply"} to ${ask.to}: “${ask.subject}”`,
    });
    const status = statusLine();
    card.append(...headline(rejection), label, reply);
    if (sent) {
      status.textContent = ask.sent_at ? `Sent on ${when(ask.sent_at)}` : "Sent";
      card.append(status);
      return card;
    }
    // "unknown": a send was cut off and may have left; "sending": under way elsewhere.
    const sendable = !["unknown", "sending"].includes(ask.state);
    status.textContent = STATE_NOTES[ask.state]?.(ask) ?? "";
    const actions = element(
      "div",
      { class: "nextlead-actions" },
      sendable ? button("send", "Send", true) : null,
      button("open-reply", "Open in Gmail reply"),
      button("not-rejection", "Not a rejection"),
      button("dismiss", "Dismiss"),
    );
    card.append(actions, status);
    const controls = () => [...actions.querySelectorAll("button"), reply];
    const busy = (on) =>
      controls().forEach((control) => {
        if (control === reply) control.readOnly = on;
        else control.disabled = on;
      });

    actions.addEventListener("click", async (event) => {
      const action = event.target.closest("[data-nextlead-action]")?.dataset.nextleadAction;
      if (!action || event.target.disabled) return;
      if (action === "send") {
        busy(true);
        status.textContent = "Sending…";
        const idempotencyKey = sendKeys.get(ask.id) ?? crypto.randomUUID();
        sendKeys.set(ask.id, idempotencyKey);
        const result = await request("send", { askId: ask.id, idempotencyKey, body: reply.value });
        if (result.ok && result.data.state === "sent") {
          sendKeys.delete(ask.id);
          edits.delete(ask.id);
          await remember(key, { state: "sent", sent_at: result.data.sent_at, body: reply.value });
          actions.remove();
          label.textContent = `Your reply to ${result.data.to || ask.to}: “${ask.subject}”`;
          card.dataset.nextleadKind = "sent";
          status.textContent = `Sent at ${clock(result.data.sent_at || new Date().toISOString())}`;
          return;
        }
        busy(false);
        if (result.ok) {
          status.textContent =
            STATE_NOTES[result.data.state]?.(result.data) ?? `Not sent (${result.data.state}).`;
        } else if (result.problem === "error") {
          sendKeys.delete(ask.id); // the server says it did not send: a new try is a new send
          status.textContent = `Not sent: ${result.message}`;
        } else {
          status.textContent = `${result.message} Pressing Send again will not send it twice.`;
        }
      } else if (action === "open-reply") {
        status.textContent = "Opening Gmail's reply…";
        const failure = await gmailReply.openGmailReply(card.nextElementSibling, reply.value);
        status.textContent = failure ?? "The reply is in Gmail's reply box: edit it and send it from there.";
      } else if (action === "not-rejection" || action === "dismiss") {
        busy(true);
        const result =
          action === "dismiss"
            ? await request("dismiss", { askId: ask.id })
            : await request("not-rejection", { messageId: rejection.id });
        if (!result.ok) {
          busy(false);
          status.textContent = result.message;
          return;
        }
        if (action === "dismiss") await remember(key, { state: "dismissed" });
        hidden.add(key);
        card.remove();
      }
    });
    return card;
  }

  function noContactCard(key, answer) {
    const card = shell(key, "no-contact", "NextLead: rejection with nobody to write to");
    const status = statusLine("Nobody to write to: it came from a no-reply address, unsigned.");
    const actions = element(
      "div",
      { class: "nextlead-actions" },
      button("not-rejection", "Not a rejection"),
      button("dismiss", "Dismiss"),
    );
    card.append(...headline(answer.data.message), status, actions);
    actions.addEventListener("click", async (event) => {
      const action = event.target.closest("[data-nextlead-action]")?.dataset.nextleadAction;
      if (action === "not-rejection") {
        const result = await request("not-rejection", { messageId: answer.data.message.id });
        if (!result.ok) {
          status.textContent = result.message;
          return;
        }
      }
      if (action) {
        hidden.add(key);
        card.remove();
      }
    });
    return card;
  }

  function noticeCard(key, answer) {
    const card = shell(key, "notice", "NextLead cannot help with this message");
    const actions = element("div", { class: "nextlead-actions" });
    if (LINKED_PROBLEMS.has(answer.problem)) {
      actions.append(button("open-options", "Open NextLead options", true));
    }
    actions.append(button("dismiss", "Dismiss"));
    card.append(statusLine(answer.message), actions);
    actions.addEventListener("click", (event) => {
      const action = event.target.closest("[data-nextlead-action]")?.dataset.nextleadAction;
      if (action === "open-options") request("open-options");
      if (action === "dismiss") {
        noticesOff = true;
        for (const notice of document.querySelectorAll(`${CARD}[data-nextlead-kind="notice"]`)) {
          notice.remove();
        }
      }
    });
    return card;
  }

  function buildCard(key, answer) {
    const kind = cardKind(answer);
    if (kind === "ask" || kind === "sent") return askCard(key, answer);
    if (kind === "no-contact") return noContactCard(key, answer);
    if (kind === "notice") return noticeCard(key, answer);
    return null;
  }

  // Following the conversation ---------------------------------------------------------------

  const cardBefore = (message) => {
    const previous = message.previousElementSibling;
    return previous?.matches(CARD) ? previous : null;
  };

  async function show(message, key, query, signal) {
    const answer = await lookup(key, query);
    if (signal.aborted || !message.isConnected || hidden.has(key)) return;
    if (cardBefore(message)?.dataset.nextleadFor === key) return;
    const card = buildCard(key, answer);
    if (card) {
      cardBefore(message)?.remove();
      message.before(card);
    }
  }

  /** Cards for the open messages; cards whose message closed or changed go. */
  function refresh(signal) {
    if (signal.aborted) return;
    const open = gmailPage.openMessages();
    for (const card of document.querySelectorAll(CARD)) {
      const message = card.nextElementSibling;
      if (!open.includes(message) || gmailPage.messageIdentity(message).key !== card.dataset.nextleadFor) {
        card.remove();
      }
    }
    for (const message of open) {
      const { key, query } = gmailPage.messageIdentity(message);
      if (hidden.has(key) || cardBefore(message)?.dataset.nextleadFor === key) continue;
      show(message, key, query, signal);
    }
  }

  function init(signal) {
    const update = debounce(() => refresh(signal), 120);
    signal.addEventListener("abort", update.cancel, { once: true });
    observe(document.body, update, { childList: true, subtree: true }, signal);
    update();
  }

  globalThis.NextLead.features.push({ name: "rejection-card", init });
})();
