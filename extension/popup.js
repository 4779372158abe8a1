// The toolbar popup: is the server there, the funnel's counts, "Scan now", the dashboard.

const ext = globalThis.browser ?? globalThis.chrome;

const connection = document.getElementById("connection");
const scan = document.getElementById("scan");
const dashboard = document.getElementById("dashboard");
const scanStatus = document.getElementById("scan-status");

const ask = (type) => ext.runtime.sendMessage({ type });
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

async function load() {
  const status = await ask("status");
  if (!status?.ok) {
    connection.textContent = status?.message ?? "NextLead did not answer.";
    connection.dataset.state = "error";
    return;
  }
  const demo = status.data.demo ? ", demo mailbox" : "";
  connection.textContent = `Connected to NextLead ${status.data.version}${demo}.`;
  connection.dataset.state = "ok";
  scan.disabled = false;
  dashboard.disabled = false;
  const summary = await ask("summary");
  if (!summary?.ok) return;
  for (const cell of document.querySelectorAll("[data-count]")) {
    cell.textContent = String(summary.data[cell.dataset.count] ?? 0);
  }
  document.getElementById("counts").hidden = false;
}

const PROGRESS_EVERY_MS = 1000;
const PROGRESS_FOR_MS = 10 * 60 * 1000; // then the popup stops watching; the scan goes on

/** One line for the scans' state: "Scanning 40/200…", or what the finished scans found. */
function describe(scans) {
  const running = scans.filter((s) => s.state === "running");
  if (running.length) {
    const done = running.reduce((n, s) => n + s.done, 0);
    const total = running.reduce((n, s) => n + s.total, 0);
    return { finished: false, text: total ? `Scanning ${done}/${total}…` : "Scanning…" };
  }
  const failed = scans.find((s) => s.state === "failed");
  if (failed) return { finished: true, text: sentence(failed.error ?? "The scan failed.") };
  const total = (key) => scans.reduce((n, s) => n + (s.summary?.[key] ?? 0), 0);
  return {
    finished: true,
    text:
      `Scanned ${total("scanned")} new messages: ${total("rejections")} rejections, ` +
      `${total("drafts_created")} drafts.`,
  };
}

scan.addEventListener("click", async () => {
  scan.disabled = true;
  scanStatus.textContent = "Scanning…";
  let answer = await ask("scan");
  const deadline = Date.now() + PROGRESS_FOR_MS;
  while (answer?.ok) {
    const state = describe(answer.data.scans);
    scanStatus.textContent = state.text;
    if (state.finished || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
    answer = await ask("scan-progress");
  }
  scan.disabled = false;
  if (!answer?.ok) scanStatus.textContent = sentence(answer?.message ?? "NextLead did not answer.");
  else await load();
});

dashboard.addEventListener("click", async () => {
  const answer = await ask("dashboard-url");
  if (answer?.ok) {
    await ext.tabs.create({ url: answer.data.url });
    window.close();
  } else {
    scanStatus.textContent = answer?.message ?? "NextLead did not answer.";
  }
});

await load();
