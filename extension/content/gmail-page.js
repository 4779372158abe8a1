// What is on Gmail's screen, as named predicates and readers (the features never look at
// Gmail's markup themselves; selectors.js holds the selectors these use).
"use strict";

(() => {
  const S = globalThis.NextLead.selectors;

  /** Rendered and not hidden by Gmail (Gmail keeps old views in the page, hidden). */
  const isShown = (element) => element.getClientRects().length > 0;

  /** Gmail has finished loading its app (the main area is on screen). */
  const isGmailReady = () => document.querySelector(S.MAIN) !== null;

  /** The messages of the open conversation whose body is shown (expanded ones). */
  function openMessages() {
    return [...document.querySelectorAll(S.MESSAGE)].filter(
      (message) => message.querySelector(S.MESSAGE_BODY) !== null && isShown(message),
    );
  }

  /** A conversation is open, with at least one message expanded. */
  const isConversation = () => openMessages().length > 0;

  /** A mailbox list (inbox, label, search results) is on screen. */
  const isMailboxList = () => [...document.querySelectorAll(S.LIST_ROW)].some(isShown);

  /** The subject of the conversation holding `message`. */
  function subjectOf(message) {
    for (let node = message.parentElement; node; node = node.parentElement) {
      const subject = node.querySelector(S.SUBJECT);
      if (subject) return subject.textContent.trim();
    }
    return "";
  }

  /** Gmail's date text ("Mon, Nov 2, 2026, 9:14 AM", local time) as ISO 8601 if readable. */
  function isoDate(text) {
    const parsed = new Date(text.replaceAll("\u202f", " "));
    return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
  }

  /**
   * What identifies a message to the NextLead server: Gmail's message id (X-GM-MSGID, hex or
   * decimal), else sender address, subject and date. `key` names it for caching.
   */
  function messageIdentity(message) {
    const legacy = message.getAttribute(S.LEGACY_MESSAGE_ID) ?? "";
    const msgF = /msg-f:(\d+)/.exec(message.getAttribute(S.MESSAGE_ID) ?? "")?.[1] ?? "";
    const sender = message.querySelector(S.SENDER);
    const date = message.querySelector(S.DATE)?.getAttribute("title") ?? "";
    const query = {
      gmail_id: /^[0-9a-f]{1,16}$/i.test(legacy) ? legacy.toLowerCase() : "",
      msg_f: msgF,
      from: sender?.getAttribute("email")?.trim().toLowerCase() ?? "",
      subject: subjectOf(message),
      date: date ? isoDate(date) : "",
    };
    const key = query.gmail_id || query.msg_f || `${query.from}\n${query.subject}\n${query.date}`;
    return { key, query };
  }

  /** The Gmail rows of a mailbox list that are on screen. */
  const listRows = () => [...document.querySelectorAll(S.LIST_ROW)].filter(isShown);

  /** What a list row shows: its thread id (hex), sender address and subject. */
  function rowIdentity(row) {
    return {
      threadId: row.querySelector(S.LIST_ROW_THREAD)?.getAttribute(S.LEGACY_THREAD_ID) ?? "",
      from: row.querySelector(S.LIST_ROW_SENDER)?.getAttribute("email")?.toLowerCase() ?? "",
      subject: row.querySelector(S.LIST_ROW_SUBJECT)?.textContent.trim() ?? "",
    };
  }

  globalThis.NextLead.gmailPage = Object.freeze({
    isShown,
    isGmailReady,
    isConversation,
    isMailboxList,
    openMessages,
    messageIdentity,
    listRows,
    rowIdentity,
  });
})();
