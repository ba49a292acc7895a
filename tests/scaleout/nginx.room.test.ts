import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateSessionResponse } from "../../shared/protocol";
import { nginxConfig } from "../../server/scaleout/nginx";
import { act, joinAt, textsSeenBy, wallBoardId } from "../support/boards";
import { scaleoutRun } from "../support/scaleout-run";
import { startChildServer, type ChildServer } from "../support/child-server";
import { freePort, waitForState, type SdkSessionRoom } from "../support/server";

// The deployment the README describes, run as written: nginx with the generated configuration in
// front of two processes started from the systemd unit's own lines, on the machine's Redis and
// PostgreSQL (a schema and a key prefix of this run's own).
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const stores = scaleoutRun("t_nginx");
const workDir = mkdtempSync(join(tmpdir(), "yhteistila-nginx-"));

/** The unit's Environment= lines and ExecStart, for one instance (its port). */
function fromSystemdUnit(port: number): { env: Record<string, string>; command: string[] } {
  const unit = readFileSync("server/scaleout/yhteistila@.service", "utf8").replaceAll("%i", String(port));
  const env: Record<string, string> = {};
  for (const [, name, value] of unit.matchAll(/^Environment=(\w+)=(.*)$/gm)) env[name!] = value!;
  const exec = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(" ");
  // The unit names the system's node; the test runs the node it was started with.
  return { env, command: [process.execPath, ...exec.slice(1)] };
}

let nginx: ChildProcess;
let publicUrl = "";
const servers: ChildServer[] = [];
const rooms: SdkSessionRoom[] = [];

beforeAll(async () => {
  if (!existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX}: apt-get install nginx-light, or set NGINX_PATH`);
  const [listen, ...ports] = await Promise.all([freePort(), freePort(), freePort()]);
  publicUrl = `http://127.0.0.1:${listen}`;
  for (const port of ports) {
    const unit = fromSystemdUnit(port);
    servers.push(
      await startChildServer({
        port,
        dataDir: workDir,
        command: unit.command,
        env: {
          ...unit.env,
          ...stores.env,
          PUBLIC_HOST: `127.0.0.1:${listen}`,
          NODE_ENV: "test",
        },
      }),
    );
  }
  const confFile = join(workDir, "nginx.conf");
  writeFileSync(confFile, nginxConfig({ listen, processes: ports.map(String), standalone: { runDir: workDir } }));
  nginx = spawn(NGINX, ["-c", confFile, "-p", workDir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  nginx.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    const ok = await fetch(`${publicUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error(`nginx did not answer: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.leave().catch(() => undefined)));
  if (nginx && nginx.exitCode === null) {
    const exited = once(nginx, "exit");
    nginx.kill("SIGQUIT");
    await exited;
  }
  await Promise.all(servers.map((server) => server.kill()));
  rmSync(workDir, { recursive: true, force: true });
  await stores.forget();
});

describe("behind nginx, two processes from the systemd unit", () => {
  it("serve one session to everyone through one address, each room connection routed to its process", async () => {
    // Sessions are created through the pool: several, so both processes answer some of them.
    const sessions: CreateSessionResponse[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${publicUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: `Behind nginx ${i}` }),
      });
      expect(response.status).toBe(201);
      sessions.push((await response.json()) as CreateSessionResponse);
    }
    for (const session of sessions) {
      // The host opens the room (on whichever process nginx's pool sends that request to), then two more join.
      const host = await joinAt(publicUrl, session.code, {
        name: "Host",
        facilitatorSecret: session.facilitatorSecret,
      });
      const people = [
        host,
        ...(await Promise.all(["Anna", "Ben"].map((name) => joinAt(publicUrl, session.code, { name })))),
      ];
      rooms.push(...people);
      expect(new Set(people.map((room) => room.roomId)).size).toBe(1);
      for (const room of people) await waitForState(room, (s) => s.people.size === 3);
      const [, anna, ben] = people;
      await act(anna!, "boards.addNote", { boardId: wallBoardId(anna!), text: "through nginx", color: 1 }, (r) =>
        textsSeenBy(r).includes("through nginx"),
      );
      await waitForState(ben!, () => textsSeenBy(ben!).includes("through nginx"));
    }
    // Each room is listed with its process's public address: nginx's route to that process. The
    // clients connected there (only nginx listens on that port), and the pool spread the rooms.
    const listed = await stores.roomCaches();
    const ours = listed.filter((room) => rooms.some((r) => r.roomId === room.roomId));
    expect(ours).toHaveLength(sessions.length);
    const routes = new Set(ours.map((room) => room.publicAddress));
    expect([...routes].sort()).toEqual(
      servers.map((server) => `${new URL(publicUrl).host}/p${new URL(server.baseUrl).port}`).sort(),
    );
  }, 120_000);
});
