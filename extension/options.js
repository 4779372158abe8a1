// Options: the server address and the API token (the pairing), and a connection test.
// The token is kept in chrome.storage.local, which web pages and content scripts cannot read.

const ext = globalThis.browser ?? globalThis.chrome;
const DEFAULT_URL = "http://127.0.0.1:5151";

const form = document.getElementById("pairing");
const serverUrl = document.getElementById("server-url");
const token = document.getElementById("token");
const status = document.getElementById("status");

function show(text, state) {
  status.textContent = text;
  status.dataset.state = state;
}

/** Ask the service worker to reach the server with these settings (or the saved ones). */
async function test(settings) {
  show("Connecting…", "busy");
  const answer = await ext.runtime.sendMessage({ type: "status", ...settings });
  if (answer?.ok) {
    const demo = answer.data.demo ? " (demo mailbox)" : "";
    show(`Connected to NextLead ${answer.data.version} at ${answer.data.server}${demo}.`, "ok");
  } else {
    show(answer?.message ?? "NextLead did not answer.", "error");
  }
}

function entered() {
  return { serverUrl: serverUrl.value.trim() || DEFAULT_URL, token: token.value.trim() };
}

async function check({ serverUrl: url, token: value }) {
  const answer = await ext.runtime.sendMessage({ type: "check-server-url", serverUrl: url });
  if (!answer?.data?.origin) {
    show(`${url} is not a server on this computer: use http://127.0.0.1:PORT.`, "error");
    return null;
  }
  if (!value) {
    show("Enter the code that “nextlead pair” prints, or the token “nextlead token” prints.", "error");
    return null;
  }
  return { serverUrl: answer.data.origin, token: value };
}

// A pairing code from `nextlead pair`, as opposed to the 43-character token.
const PAIRING_CODE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/i;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const settings = await check(entered());
  if (!settings) return;
  if (PAIRING_CODE.test(settings.token)) {
    show("Pairing…", "busy");
    const answer = await ext.runtime.sendMessage({
      type: "pair",
      serverUrl: settings.serverUrl,
      code: settings.token,
    });
    if (!answer?.ok) {
      show(answer?.message ?? "NextLead did not answer.", "error");
      return;
    }
    const saved = await ext.storage.local.get({ token: "" });
    token.value = saved.token;
  } else {
    await ext.storage.local.set(settings);
  }
  serverUrl.value = settings.serverUrl;
  await test();
});

document.getElementById("test").addEventListener("click", async () => {
  const settings = await check(entered());
  if (settings) await test(settings);
});

// Firefox gives each install its own origin, which the server must be told about.
if (location.protocol === "moz-extension:") {
  const hint = document.getElementById("origin-hint");
  hint.textContent =
    `Firefox: add "${location.origin}" to extension_origins under [server] in ` +
    "NextLead's config.toml, then restart the server.";
  hint.hidden = false;
}

const saved = await ext.storage.local.get({ serverUrl: DEFAULT_URL, token: "" });
serverUrl.value = saved.serverUrl;
token.value = saved.token;
if (saved.token) await test();
