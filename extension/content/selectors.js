// Every Gmail DOM selector NextLead relies on, in one place: when Gmail changes its markup,
// this is the one file to fix. tests/e2e/gmail.html reproduces exactly these.
"use strict";

globalThis.NextLead.selectors = Object.freeze({
  /** Gmail's main area; only present once the app has loaded. */
  MAIN: 'div[role="main"]',
  /** One message of an open conversation. Carries Gmail's ids (see the two below). */
  MESSAGE: "div[data-legacy-message-id], div.adn[data-message-id]",
  /** Attribute holding the message's X-GM-MSGID in hex ("18c4f0a2b3d4e5f6"). */
  LEGACY_MESSAGE_ID: "data-legacy-message-id",
  /** Attribute holding the message's id as "#msg-f:1781234567890123456" (decimal). */
  MESSAGE_ID: "data-message-id",
  /** The body of an expanded message; collapsed messages have none. */
  MESSAGE_BODY: "div.a3s",
  /** The conversation's subject line. */
  SUBJECT: "h2.hP",
  /** The sender of a message: attribute "email" holds the address, "name" the name. */
  SENDER: "span.gD[email]",
  /** The date of a message: attribute "title" holds Gmail's full date text. */
  DATE: "span.g3[title]",
  /** Gmail's reply controls: the "Reply" link under the conversation, then the header button. */
  REPLY_BUTTON: [
    'span.ams.bkH[role="link"]',
    'div[role="button"][data-tooltip="Reply"]',
    'div[role="button"][aria-label="Reply"]',
  ].join(", "),
  /** The editable body of Gmail's reply (and compose) box. */
  REPLY_BODY: 'div[contenteditable="true"][role="textbox"], div.Am.Al.editable',
  /** A conversation row in a mailbox list. */
  LIST_ROW: "tr.zA",
  /** In a list row: the subject text. */
  LIST_ROW_SUBJECT: "span.bog",
  /** In a list row: the sender, with the address in attribute "email". */
  LIST_ROW_SENDER: "span[email]",
  /** In a list row: the element carrying the thread's ids. */
  LIST_ROW_THREAD: "[data-legacy-thread-id]",
  /** Attribute holding the thread's X-GM-THRID in hex. */
  LEGACY_THREAD_ID: "data-legacy-thread-id",
  /** In a list row: the date cell, whose "title" holds the full date. */
  LIST_ROW_DATE: "td.xW span[title]",
});
