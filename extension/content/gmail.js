// Starts NextLead's features on Gmail and restarts them on each of Gmail's single-page
// navigations: the previous view's observers and listeners are dropped through an
// AbortController, so nothing leaks and nothing polls.
//
// Features (each in its own file) register {name, init(signal)} in NextLead.features.
"use strict";

(() => {
  const { features } = globalThis.NextLead;
  let controller = null;

  function start() {
    controller?.abort();
    controller = new AbortController();
    for (const feature of features) {
      try {
        feature.init(controller.signal);
      } catch (error) {
        console.error(`NextLead: ${feature.name} failed to start`, error);
      }
    }
  }

  window.addEventListener("hashchange", start);
  window.addEventListener("popstate", start);
  start();
})();
