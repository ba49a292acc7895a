import { describe, expect, it } from "vitest";
import {
  clientMessages,
  type ClientMessageName,
  type ErrorMessage,
  type ServerMessage,
  type SessionInfoResponse,
} from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { roomModules } from "../../server/modules";
import { COACH_SENDS } from "../../shared/coaching/rules";
import { allPatchesDelivered, handled, hostAndGuests, useTestServer } from "../support/rooms";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { wellFormedPayloads } from "./samples";
import { coachSecretFor, joinAsCoach } from "../support/coaches";

const server = useTestServer();

async function createCoachLink(code: string, facilitatorSecret: string | undefined) {
  return fetch(`${server.baseUrl}/api/sessions/${code}/coach-link`, {
    method: "POST",
    headers: facilitatorSecret ? { authorization: `Bearer ${facilitatorSecret}` } : {},
  });
}

/** Every message type a client sends and the server registers, with the permission it needs. */
const permissions = new Map(roomModules.flatMap((m) => m.commands ?? []).map((c) => [c.name, c.permission]));

/** Collects every message a room receives (whatever its type) from now on. */
function recordAll(room: SdkSessionRoom): { type: string; message: unknown }[] {
  const seen: { type: string; message: unknown }[] = [];
  room.onMessage("*", (type, message) => seen.push({ type: String(type), message }));
  return seen;
}

describe("the coach link", () => {
  it("is made by a facilitator only, opens the session as a coach, and a new link replaces the old one", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];

    expect((await createCoachLink(session.code, undefined)).status).toBe(401);
    expect((await createCoachLink(session.code, `${session.facilitatorSecret.slice(0, -4)}AAAA`)).status).toBe(401);

    const first = await coachSecretFor(server, session.code, session.facilitatorSecret);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only its hash is stored, and never with the session record.
    const stored = await server.app.services.store.getCoachHash(session.code);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(first);
    expect(JSON.stringify(await server.app.services.store.getSession(session.code))).not.toContain(stored!);

    // A participant's link, a wrong coach secret or the facilitator's own secret as a coach's do not make a coach.
    await expect(joinAsCoach(server, session.code, `${first.slice(0, -4)}AAAA`)).rejects.toThrow();
    const coach = await joinAsCoach(server, session.code, first);
    await waitForState(anna, (s) => s.coaching.coaches === 1);

    const second = await coachSecretFor(server, session.code, session.facilitatorSecret);
    await expect(joinAsCoach(server, session.code, first)).rejects.toThrow();
    const again = await joinAsCoach(server, session.code, second, "Coach Olli");
    await waitForState(host, (s) => s.coaching.coaches === 2);

    await coach.leave();
    await again.leave();
    await waitForState(anna, (s) => s.coaching.coaches === 0);
  });

  it("is withdrawn by a facilitator only: coaches watching are sent away with the reason, and the link opens nothing", async () => {
    const { session, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const secret = await coachSecretFor(server, session.code, session.facilitatorSecret);
    const coach = await joinAsCoach(server, session.code, secret);
    await waitForState(anna, (s) => s.coaching.coaches === 1);
    const withdraw = (bearer: string | undefined) =>
      fetch(`${server.baseUrl}/api/sessions/${session.code}/coach-link`, {
        method: "DELETE",
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      });

    // Without the facilitator's secret, or with the coach's own, nothing is withdrawn.
    expect((await withdraw(undefined)).status).toBe(401);
    expect((await withdraw(secret)).status).toBe(401);
    expect(await server.app.services.store.getCoachHash(session.code)).toBeDefined();

    const closed = nextMessage<ServerMessage<"session.closed">>(coach, "session.closed");
    const left = new Promise<number>((resolve) => coach.onLeave((code) => resolve(code)));
    expect((await withdraw(session.facilitatorSecret)).status).toBe(204);
    expect(await closed).toEqual({ reason: "coach_revoked" });
    await left;
    await waitForState(anna, (s) => s.coaching.coaches === 0);
    expect(await server.app.services.store.getCoachHash(session.code)).toBeUndefined();
    await expect(joinAsCoach(server, session.code, secret)).rejects.toThrow();
  });
});

describe("a coach in the room", () => {
  it("is not among the people anyone sees, but everyone is told a coach is observing; the coach sees every zone's work", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
    );

    await waitForState(anna, (s) => s.coaching.coaches === 1);
    await allPatchesDelivered(host, [anna, coach]);
    for (const room of [host, anna, coach]) {
      expect([...room.state.people.keys()].sort()).toEqual([host.sessionId, anna.sessionId].sort());
      expect(JSON.stringify(room.state.toJSON())).not.toContain("Coach Kaisa");
    }
    const info = (await (await fetch(`${server.baseUrl}/api/sessions/${session.code}`)).json()) as SessionInfoResponse;
    expect(info.coaches).toBe(1);

    // Every zone's private work reaches the coach as it reaches the facilitator; the participant in
    // the plenary gets none of it.
    sendCommand(host, "zones.task", { target: "*", text: "List three ideas" });
    await waitForState(coach, (s) => [...s.zones.values()].every((z) => z.work?.task === "List three ideas"));
    expect([...anna.state.zones.values()].every((z) => z.work === undefined)).toBe(true);

    // A zone made after the coach arrived is shown to them too.
    sendCommand(host, "zones.create", { name: "Late corner" });
    await waitForState(host, (s) => s.zones.size === 5);
    const late = [...host.state.zones.values()].find((z) => z.name === "Late corner")!;
    await waitForState(coach, (s) => s.zones.get(late.id)?.work !== undefined);

    await coach.leave();
    await waitForState(anna, (s) => s.coaching.coaches === 0);
  });

  it("is refused every message that changes something, with nothing changed", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
    );
    // The coach's arrival is itself a change (the count everyone sees): wait for it before the snapshot.
    await waitForState(host, (s) => s.coaching.coaches === 1);
    await allPatchesDelivered(host, [anna, coach]);
    const before = JSON.stringify(host.state.toJSON());

    const payloads = wellFormedPayloads(anna.sessionId);
    const mutating = (Object.keys(clientMessages) as ClientMessageName[]).filter(
      (name) => permissions.get(name) !== "reader" && permissions.get(name) !== "coach",
    );
    // Every message type is registered, and all but a few read-only ones count as changes.
    expect(permissions.size).toBe(Object.keys(clientMessages).length);
    expect(mutating.length).toBeGreaterThan(40);
    // The coach's page sends exactly what the rule lets a coach send (client/session/connection.ts).
    const allowed = [...permissions].filter(([, p]) => p === "reader" || p === "coach").map(([name]) => name);
    expect([...COACH_SENDS].sort()).toEqual(allowed.sort());
    for (const name of mutating) {
      const payload = payloads.get(name);
      // Well-formed, so the refusal can only come from the role check.
      expect(clientMessages[name].safeParse(payload).success, name).toBe(true);
      const error = nextMessage<ErrorMessage>(coach, "error");
      coach.send(name, payload);
      expect(await error, name).toMatchObject({ code: "forbidden", command: name });
    }
    await allPatchesDelivered(host, [anna, coach]);
    const after = JSON.parse(JSON.stringify(host.state.toJSON())) as { title: string };
    expect({ ...after, title: JSON.parse(before).title }).toEqual(JSON.parse(before));

    // And the coach's own messages are the coach's: nobody else may send them.
    for (const room of [host, anna]) {
      for (const name of ["coaching.whisper", "coaching.observe"] as const) {
        const error = nextMessage<ErrorMessage>(room, "error");
        sendCommand(room, name, { text: "pretending" });
        expect(await error).toMatchObject({ code: "forbidden", command: name });
      }
    }
    const refused = nextMessage<ErrorMessage>(anna, "error");
    sendCommand(anna, "coaching.sync", {});
    expect(await refused).toMatchObject({ code: "forbidden", command: "coaching.sync" });
    await coach.leave();
  });
});

describe("whispers and observations", () => {
  it("route a whisper to the facilitators (and coaches) only: a participant and an observer receive nothing", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const watcher = await server.join(session.code, { name: "Watcher", observer: true });
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
    );
    const annaSaw = recordAll(anna);
    const watcherSaw = recordAll(watcher);

    const atHost = nextMessage<ServerMessage<"coaching.whisper">>(host, "coaching.whisper");
    const receipt = nextMessage<ServerMessage<"coaching.whisper">>(coach, "coaching.whisper");
    sendCommand(coach, "coaching.whisper", { text: "  Group B has   been silent for 4 min " });
    const whisper = await atHost;
    expect(whisper).toMatchObject({ from: "Coach Kaisa", text: "Group B has been silent for 4 min" });
    expect(await receipt).toEqual(whisper);

    // Anything sent to them after the whisper arrives after it would have: nothing came.
    await Promise.all([handled(anna), handled(watcher)]);
    for (const seen of [annaSaw, watcherSaw]) {
      expect(seen.filter((m) => m.type !== "timers.sync")).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain("silent");
    }
    for (const room of [anna, watcher]) expect(JSON.stringify(room.state.toJSON())).not.toContain("silent");

    // Whispers are short: a long one is refused and nobody hears it.
    const tooLong = nextMessage<ErrorMessage>(coach, "error");
    sendCommand(coach, "coaching.whisper", { text: "x".repeat(201) });
    expect(await tooLong).toMatchObject({ code: "invalid_payload", command: "coaching.whisper" });
    await coach.leave();
  });

  it("keep observations time-stamped, private to coaches and facilitators, and stored with the session", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const coach = await joinAsCoach(
      server,
      session.code,
      await coachSecretFor(server, session.code, session.facilitatorSecret),
    );
    const annaSaw = recordAll(anna);

    const atHost = nextMessage<ServerMessage<"coaching.observation">>(host, "coaching.observation");
    const before = Date.now();
    sendCommand(coach, "coaching.observe", { text: "Group B silent for 4 min" });
    const observation = await atHost;
    expect(observation).toMatchObject({ author: "Coach Kaisa", text: "Group B silent for 4 min" });
    expect(observation.at).toBeGreaterThanOrEqual(before);
    expect(observation.at).toBeLessThanOrEqual(Date.now());

    const stored = await server.app.services.store.loadRecords(session.code);
    expect(stored.filter((r) => r.kind === "coaching.observation")).toEqual([
      expect.objectContaining({
        id: observation.id,
        data: expect.objectContaining({ text: "Group B silent for 4 min" }),
      }),
    ]);

    // A coach or facilitator who asks gets the list; the participant got nothing of it.
    const list = nextMessage<ServerMessage<"coaching.observations">>(host, "coaching.observations");
    sendCommand(host, "coaching.sync", {});
    expect((await list).items).toEqual([observation]);
    await handled(anna);
    expect(annaSaw.filter((m) => m.type !== "timers.sync")).toEqual([]);

    // A participant made co-facilitator is told at once.
    const promoted = nextMessage<ServerMessage<"coaching.observations">>(anna, "coaching.observations");
    sendCommand(host, "people.setRole", { id: anna.sessionId, role: "facilitator" });
    expect((await promoted).items).toEqual([observation]);

    // After every connection has gone, the session's next room reads the observations back.
    await Promise.all([host.leave(), anna.leave(), coach.leave()]);
    const back = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
    const restored = nextMessage<ServerMessage<"coaching.observations">>(back, "coaching.observations");
    sendCommand(back, "coaching.sync", {});
    expect((await restored).items).toEqual([observation]);
    await back.leave();
  });
});
