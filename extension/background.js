// NextLead's service worker: the only code that talks to the NextLead server.
//
// It holds the server address and the API token (chrome.storage.local). Content scripts on
// Gmail never see the token: they send a message naming what they want ("suggestion", "send"
// ...), and get back either {ok: true, data} or {ok: false, problem, message} where `problem`
// is one of PROBLEMS, so every surface can say plainly what is wrong and how to fix it.

const ext = globalThis.browser ?? globalThis.chrome;

const API_VERSION = 1;
const DEFAULTS = Object.freeze({ serverUrl: "http://127.0.0.1:5151", token: "" });
const TIMEOUT_MS = 15_000;
const SEND_TIMEOUT_MS = 120_000; // SMTP servers can be slow to accept a message

const PROBLEMS = Object.freeze({
  unpaired: "unpaired", // no token saved yet
  down: "down", // nothing answers at the server address
  token: "token", // the server refused the token (401)
  origin: "origin", // the server does not accept this browser's extension origin (403)
  version: "version", // the server speaks another API version
  error: "error", // the server answered with an error for this request
});

class Problem extends Error {
  constructor(problem, message, status = 0, code = "") {
    super(message);
    this.problem = problem;
    this.status = status;
    this.code = code;
  }
}

async function settings() {
  const stored = await ext.storage.local.get(DEFAULTS);
  return { serverUrl: stored.serverUrl || DEFAULTS.serverUrl, token: stored.token || "" };
}

/** Only a server on this computer: the token and mail must never travel further. */
function checkServerUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const local = ["127.0.0.1", "localhost"].includes(url.hostname);
  if (url.protocol !== "http:" || !local || url.username || url.password) return null;
  return url.origin;
}

// One health check per server address while the worker lives; forgotten on any failure.
const healthy = new Map();

async function call(path, { method = "GET", body, timeout = TIMEOUT_MS, use } = {}) {
  const { serverUrl, token } = use ?? (await settings());
  const origin = checkServerUrl(serverUrl);
  if (!origin) {
    throw new Problem(
      PROBLEMS.unpaired,
      `The server address ${serverUrl} is not on this computer; use http://127.0.0.1:5151 in NextLead's options.`,
    );
  }
  if (!token) {
    throw new Problem(
      PROBLEMS.unpaired,
      "NextLead is not paired yet: paste the token that “nextlead token” prints into the extension's options.",
    );
  }
  if (!healthy.has(origin)) healthy.set(origin, await health(origin));
  try {
    return await fetchJson(origin, path, { method, body, timeout, token });
  } catch (error) {
    if (error.problem !== PROBLEMS.error) healthy.delete(origin);
    throw error;
  }
}

async function health(origin) {
  const answer = await fetchJson(origin, "/api/v1/health", { timeout: TIMEOUT_MS });
  if (answer.api !== API_VERSION) {
    const older = answer.api < API_VERSION ? "the NextLead server" : "this extension";
    throw new Problem(
      PROBLEMS.version,
      `The NextLead server speaks API version ${answer.api}; this extension needs ${API_VERSION}. Update ${older}.`,
    );
  }
  return answer;
}

async function fetchJson(origin, path, { method = "GET", body, timeout, token } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(origin + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
      credentials: "omit",
      cache: "no-store",
    });
  } catch (error) {
    const slow = error?.name === "TimeoutError";
    throw new Problem(
      PROBLEMS.down,
      slow
        ? `The NextLead server at ${origin} did not answer in time.`
        : `The NextLead server is not running at ${origin}. Start it with “nextlead serve”.`,
    );
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // not JSON: handled below by status
  }
  if (response.ok && answer) return answer;
  const code = answer?.error?.code ?? "";
  const message = answer?.error?.message ?? `HTTP ${response.status}`;
  if (response.status === 401) {
    throw new Problem(
      PROBLEMS.token,
      "The NextLead server refused the token. Paste the token that “nextlead token” prints into NextLead's options again.",
      401,
      code,
    );
  }
  if (response.status === 403 && code === "bad_origin") {
    throw new Problem(
      PROBLEMS.origin,
      `The NextLead server does not accept this browser yet: add "${location.origin}" to [server] extension_origins in config.toml and restart it.`,
      403,
      code,
    );
  }
  if (!answer) {
    throw new Problem(
      PROBLEMS.down,
      `Something else answers at ${origin} (HTTP ${response.status}); is NextLead running on another port?`,
      response.status,
    );
  }
  const failure = new Problem(PROBLEMS.error, message, response.status, code);
  failure.data = answer;
  throw failure;
}

// What each kind of message does. Content scripts may use only CONTENT_ACTIONS.
const actions = {
  suggestion: ({ query }) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (typeof value === "string" && value) params.set(name, value);
    }
    return call(`/api/v1/suggestion?${params}`);
  },
  send: ({ askId, idempotencyKey, body }) =>
    call(`/api/v1/asks/${Number(askId)}/send`, {
      method: "POST",
      body: { idempotency_key: String(idempotencyKey), body: String(body) },
      timeout: SEND_TIMEOUT_MS,
    }),
  dismiss: ({ askId }) => call(`/api/v1/asks/${Number(askId)}/dismiss`, { method: "POST" }),
  "not-rejection": ({ messageId }) =>
    call(`/api/v1/messages/${Number(messageId)}/feedback`, {
      method: "POST",
      body: { is_rejection: false },
    }),
  "waiting-asks": () => call("/api/v1/asks"),
  "open-options": () => ext.runtime.openOptionsPage().then(() => ({})),

  // extension pages only (options, popup)
  status: async ({ serverUrl, token }) => {
    const use = serverUrl === undefined ? undefined : { serverUrl, token };
    const origin = checkServerUrl((use ?? (await settings())).serverUrl);
    if (origin) healthy.delete(origin);
    await call("/api/v1/summary", { use });
    return { ...healthy.get(origin), server: origin };
  },
  summary: () => call("/api/v1/summary"),
  // A scan already under way (the server's own schedule) is watched instead of refused.
  scan: () =>
    call("/api/v1/scan", { method: "POST" }).catch((error) => {
      if (error.code === "scan_running") return call("/api/v1/scan");
      throw error;
    }),
  "scan-progress": () => call("/api/v1/scan"),
  "dashboard-url": async () => {
    const { serverUrl, token } = await settings();
    const origin = checkServerUrl(serverUrl);
    if (!origin || !token) throw new Problem(PROBLEMS.unpaired, "NextLead is not paired yet.");
    return { url: `${origin}/login?token=${encodeURIComponent(token)}` };
  },
  "check-server-url": ({ serverUrl }) => ({ origin: checkServerUrl(serverUrl) }),
  // A one-time code from `nextlead pair`, exchanged for the token (no token needed yet).
  pair: async ({ serverUrl, code }) => {
    const origin = checkServerUrl(serverUrl);
    if (!origin) throw new Problem(PROBLEMS.unpaired, `${serverUrl} is not on this computer.`);
    const answer = await fetchJson(origin, "/api/v1/pair", {
      method: "POST",
      body: { code: String(code) },
      timeout: TIMEOUT_MS,
    });
    await ext.storage.local.set({ serverUrl: origin, token: answer.token });
    healthy.delete(origin);
    return { paired: true };
  },
};
const CONTENT_ACTIONS = new Set([
  "suggestion",
  "send",
  "dismiss",
  "not-rejection",
  "waiting-asks",
  "open-options",
]);

/** Extension pages (options, popup) may do everything; Gmail's content scripts only their part. */
function allowed(type, sender) {
  if (sender.id !== ext.runtime.id || !Object.hasOwn(actions, type)) return false;
  if (sender.url?.startsWith(ext.runtime.getURL(""))) return true;
  return CONTENT_ACTIONS.has(type) && Boolean(sender.url?.startsWith("https://mail.google.com/"));
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const type = message?.type;
  if (!allowed(type, sender)) {
    sendResponse({ ok: false, problem: PROBLEMS.error, message: "not allowed" });
    return false;
  }
  Promise.resolve()
    .then(() => actions[type](message))
    .then(
      (data) => sendResponse({ ok: true, data }),
      (error) =>
        sendResponse({
          ok: false,
          problem: error.problem ?? PROBLEMS.error,
          message: error.message || String(error),
          status: error.status ?? 0,
          code: error.code ?? "",
          data: error.data ?? null,
        }),
    );
  return true; // answer asynchronously
});
