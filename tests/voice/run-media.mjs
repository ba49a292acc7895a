// Runs the voice media tests (real Chromium talking WebRTC to the real server) inside a private
// network namespace with only loopback up, so no packet can leave the machine, under a hard timeout.
// `npm test` calls it after the other tests; `npm run test:media` runs it alone.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const HARD_TIMEOUT_MS = 6 * 60_000;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function canUnshare(flags) {
  const probe = spawnSync("unshare", [...flags, "sh", "-c", "ip link set lo up"], { stdio: "ignore" });
  return probe.status === 0;
}

// As root a plain network namespace; otherwise a user namespace, where the kernel allows one.
const flags = canUnshare(["-n"]) ? ["-n"] : canUnshare(["-rn"]) ? ["-rn"] : null;
if (!flags) {
  console.error(
    [
      "The voice media tests need a private network namespace and could not create one.",
      "Run them as root (CI does), or allow unprivileged user namespaces",
      "(sysctl kernel.unprivileged_userns_clone=1), and make sure `unshare` and `ip` (iproute2) are installed.",
    ].join("\n"),
  );
  process.exit(1);
}

const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
// Janus (VOICE_ENGINE=janus) never offers loopback candidates: inside the namespace a veth pair gives
// it an address of its own, still reachable only from within. Without one the Janus variants skip.
const JANUS_LINK = "yt0";
const link = [
  `ip link add ${JANUS_LINK} type veth peer name ${JANUS_LINK}p`,
  `ip addr add 10.201.0.1/24 dev ${JANUS_LINK}`,
  `ip link set ${JANUS_LINK} up`,
  `ip link set ${JANUS_LINK}p up`,
].join(" && ");
// Arguments name test files to run alone (`npm run test:media -- tests/voice/janus`).
const filters = process.argv
  .slice(2)
  .map((arg) => `'${arg.replace(/'/g, "")}'`)
  .join(" ");
const inner = `ip link set lo up && { ${link} && export YHTEISTILA_NETNS_LINK=${JANUS_LINK} || true; } && exec "${process.execPath}" "${vitest}" run --project media ${filters}`;
const child = spawn("unshare", [...flags, "sh", "-c", inner], {
  cwd: root,
  stdio: "inherit",
  detached: true,
  env: { ...process.env, YHTEISTILA_NETNS: "1" },
});

// An awaited event that never comes can hang a browser test past any inner timeout: kill it all.
const timer = setTimeout(() => {
  console.error(`voice media tests: still running after ${HARD_TIMEOUT_MS / 1000} s, stopping them`);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
  process.exit(1);
}, HARD_TIMEOUT_MS);

child.on("exit", (code, signal) => {
  clearTimeout(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
