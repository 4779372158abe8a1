// The content scripts' shared namespace and small helpers. Content scripts cannot be ES
// modules, so each file adds its part to `globalThis.NextLead` (loaded first: see manifest).
"use strict";

globalThis.NextLead = globalThis.NextLead ?? { features: [] };

(() => {
  const ext = globalThis.browser ?? globalThis.chrome;

  /** Call `fn` once things have settled: `wait` ms after the last call. */
  function debounce(fn, wait) {
    let timer = 0;
    const debounced = (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), wait);
    };
    debounced.cancel = () => clearTimeout(timer);
    return debounced;
  }

  /** A MutationObserver that disconnects itself when `signal` aborts. */
  function observe(target, callback, options, signal) {
    if (signal.aborted) return;
    const observer = new MutationObserver(callback);
    observer.observe(target, options);
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  }

  /**
   * Ask the service worker (the only code that talks to the NextLead server). Resolves to
   * {ok: true, data} or {ok: false, problem, message}; never rejects.
   */
  async function request(type, payload = {}) {
    try {
      const answer = await ext.runtime.sendMessage({ ...payload, type });
      return answer ?? { ok: false, problem: "error", message: "NextLead did not answer." };
    } catch {
      return {
        ok: false,
        problem: "reload",
        message: "NextLead was updated or restarted: reload Gmail to use it again.",
      };
    }
  }

  /** Resolve with the first element matching `selector` under `root`, or null after `ms`. */
  function waitForElement(root, selector, ms, signal) {
    const found = root.querySelector(selector);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const stop = new AbortController();
      const finish = (element) => {
        stop.abort();
        clearTimeout(timer);
        resolve(element);
      };
      const timer = setTimeout(() => finish(null), ms);
      signal?.addEventListener("abort", () => finish(null), { once: true, signal: stop.signal });
      observe(
        root,
        () => {
          const element = root.querySelector(selector);
          if (element) finish(element);
        },
        { childList: true, subtree: true },
        stop.signal,
      );
    });
  }

  /** An element with attributes and children; text always goes in as text, never as HTML. */
  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") node.textContent = String(value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  Object.assign(globalThis.NextLead, { debounce, observe, request, waitForElement, element });
})();
