import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { CoachLinkResponse, SessionInfoResponse, TimelineResponse } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { prepareTimeline, stateAt, type ReplayState } from "../../shared/timeline/replay";
import { boardsOf, plenaryClockOf, zonesOf } from "../../shared/timeline/markers";
import { remainingAt, type TimerStatus } from "../../shared/timers/timer";
import type { TimelineEvent, TimelineItem } from "../../shared/timeline/log";
import { skippableClock } from "../support/clock";
import { sweepOldSessions } from "../../server/retention/sweep";
import { allPatchesDelivered, handled, hostAndGuests, refusal, teleport, useTestServer } from "../support/rooms";
import { waitForState, type SdkSessionRoom } from "../support/server";
import { decodedNotes, wallBoardId } from "../support/boards";
import { nearPose } from "../support/poses";

const clock = skippableClock();
const server = useTestServer({ now: clock.now });

async function readTimeline(code: string, secret: string | undefined): Promise<Response> {
  return fetch(`${server.baseUrl}/api/sessions/${code}/timeline`, {
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
}

async function timelineOf(code: string, secret: string): Promise<TimelineItem[]> {
  const response = await readTimeline(code, secret);
  expect(response.status).toBe(200);
  return ((await response.json()) as TimelineResponse).items;
}

/** Waits until the log holds an entry the test expects (a position sample is written once a second). */
async function logUntil(code: string, secret: string, test: (items: TimelineItem[]) => boolean) {
  for (let i = 0; i < 100; i++) {
    const items = await timelineOf(code, secret);
    if (test(items)) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the log never held what the test waited for");
}

/** What the host's page shows now, in the terms the log keeps: notes per board, zones and positions by name. */
function liveSnapshot(host: SdkSessionRoom, everyone: readonly SdkSessionRoom[]) {
  const notes = decodedNotes(host).map((n) => ({
    id: n.id,
    boardId: n.boardId,
    text: n.text,
    // The room tells nobody an anonymous note's author; the log never holds it.
    authorName: n.anonymous ? "" : n.authorName,
    clusterId: n.clusterId,
    x: n.x,
    y: n.y,
  }));
  // Where each person is, as their own page holds it: the host holds a far person's pose only
  // coarsely (interest management), the log holds it exactly.
  const ownPose = (id: string) => {
    const own = everyone.find((room) => room.sessionId === id);
    return own ? nearPose(own) : undefined;
  };
  const people = [...host.state.people.entries()]
    .map(([id, p]) => ({ name: p.name, zone: p.zone, x: ownPose(id)!.x, z: ownPose(id)!.z }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { notes: notes.sort((a, b) => a.id.localeCompare(b.id)), people };
}

function rebuilt(state: ReplayState) {
  const notes = [...(state.records.get("note")?.entries() ?? [])]
    .filter(([, n]) => n.hidden !== true)
    .map(([id, n]) => ({
      id,
      boardId: n.boardId,
      text: n.text,
      authorName: n.authorName,
      clusterId: n.clusterId,
      x: n.x,
      y: n.y,
    }));
  const people = [...state.people.values()]
    .map((p) => ({ name: p.name, zone: p.zone, x: p.x, z: p.z }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { notes: notes.sort((a, b) => a.id.localeCompare(b.id)), people };
}

describe("the debrief timeline", () => {
  it("is off by default, switched only by a facilitator, and read only by facilitators and the coach", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    expect(host.state.timeline.on).toBe(false);
    expect(await refusal(anna, "timeline.set", { on: true })).toMatchObject({ code: "forbidden" });
    expect(await refusal(host, "timeline.set", { on: "yes" })).toMatchObject({ code: "invalid_payload" });
    expect(await refusal(host, "timeline.set", { on: true, extra: 1 })).toMatchObject({ code: "invalid_payload" });
    expect(anna.state.timeline.on).toBe(false);

    sendCommand(host, "timeline.set", { on: true });
    // Everyone is told, participants included; and so is whoever opens the join page.
    await waitForState(anna, (s) => s.timeline.on === true);
    const info = (await (await fetch(`${server.baseUrl}/api/sessions/${session.code}`)).json()) as SessionInfoResponse;
    expect(info.timeline).toBe(true);

    // A participant holds no secret: refused with a reason. A wrong secret is refused too.
    const noSecret = await readTimeline(session.code, undefined);
    expect(noSecret.status).toBe(403);
    expect(await noSecret.json()).toEqual({ error: "forbidden" });
    expect((await readTimeline(session.code, "x".repeat(43))).status).toBe(403);

    const link = await fetch(`${server.baseUrl}/api/sessions/${session.code}/coach-link`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.facilitatorSecret}` },
    });
    const { coachSecret } = (await link.json()) as CoachLinkResponse;
    const asCoach = await timelineOf(session.code, coachSecret);
    expect(asCoach[0]).toMatchObject({ e: "start" });

    sendCommand(host, "timeline.set", { on: false });
    await waitForState(anna, (s) => s.timeline.on === false);
    const items = await timelineOf(session.code, session.facilitatorSecret);
    expect(items.at(-1)).toMatchObject({ e: "stop" });
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("rebuilds, from the log alone, the boards, zones and positions a facilitator saw live at a moment", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    const [anna, ben] = guests as [SdkSessionRoom, SdkSessionRoom];
    const wall = wallBoardId(host);
    sendCommand(anna, "boards.addNote", { boardId: wall, text: "Before the timeline", color: 1 });
    await handled(anna);
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);

    // Notes written, one moved, one clustered; an anonymous round written and revealed.
    sendCommand(anna, "boards.addNote", { boardId: wall, text: "Shared coffee corner", color: 2 });
    sendCommand(ben, "boards.addNote", { boardId: wall, text: "Fewer meetings", color: 3 });
    await waitForState(anna, () => decodedNotes(anna).some((n) => n.text === "Shared coffee corner"));
    const coffee = decodedNotes(anna).find((n) => n.text === "Shared coffee corner")!;
    sendCommand(anna, "boards.moveNote", { noteId: coffee.id, x: 40, y: 60 });
    sendCommand(host, "boards.addCluster", { boardId: wall, title: "Spaces", x: 10, y: 10 });
    await handled(host);
    await handled(anna);
    sendCommand(host, "boards.round", { action: "start", boardId: wall, anonymous: true });
    await handled(host);
    sendCommand(ben, "boards.addNote", { boardId: wall, text: "Nobody listens to juniors", color: 0 });
    await handled(ben);
    sendCommand(host, "boards.round", { action: "reveal", boardId: wall });
    await handled(host);

    // Anna is sent to a zone (a zone change), Ben hops (a position), Ben raises a hand and reacts.
    const zone = [...host.state.zones.keys()][0]!;
    sendCommand(host, "zones.send", { groups: [{ zone, people: [anna.sessionId] }] });
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.zone === zone);
    await teleport(ben, clock, 1.5, 2.5);
    sendCommand(ben, "hands.raise", { raised: true });
    sendCommand(ben, "reaction.send", { kind: "heart" });
    await handled(ben);
    // Positions are sampled once a second: wait for the sample that holds Ben's hop and his hand.
    await logUntil(session.code, session.facilitatorSecret, (items) => {
      const ben = [...stateAt(prepareTimeline(items), clock.now()).people.values()].find((p) => p.name === "Ben");
      return ben?.x === 150 && ben.z === 250 && ben.hand;
    });
    await allPatchesDelivered(host, [anna, ben]);
    const t = clock.now();
    const live = liveSnapshot(host, [host, anna, ben]);
    expect(live.people.find((p) => p.name === "Ben")).toMatchObject({ x: 150, z: 250 });

    // The room goes on changing after the moment.
    clock.skip(5000);
    sendCommand(anna, "boards.removeNote", { noteId: coffee.id });
    sendCommand(host, "zones.recall", { graceSeconds: 0 });
    await handled(anna);
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.zone === "");
    await teleport(ben, clock, -1.5, 3);
    const later = liveSnapshot(host, [host, anna, ben]);
    await logUntil(session.code, session.facilitatorSecret, (items) => items.some((i) => i.at > t && i.e === "zone"));

    const items = await timelineOf(session.code, session.facilitatorSecret);
    const timeline = prepareTimeline(items);
    expect(rebuilt(stateAt(timeline, t))).toEqual(live);
    expect(rebuilt(stateAt(timeline, t)).notes.map((n) => n.text)).toContain("Shared coffee corner");
    expect(rebuilt(stateAt(timeline, clock.now() + 60_000)).notes).toEqual(later.notes);
    expect(rebuilt(stateAt(timeline, clock.now() + 60_000)).people.find((p) => p.name === "Anna")!.zone).toBe("");
    // Ben's raised hand is in the picture at t.
    expect([...stateAt(timeline, t).people.values()].find((p) => p.name === "Ben")!.hand).toBe(true);

    // The anonymous note is in the log without anybody's name; no note carries its author's uid.
    const anonymous = boardsOf(stateAt(timeline, t))
      .flatMap((b) => b.notes)
      .find((n) => n.text === "Nobody listens to juniors")!;
    expect(anonymous).toMatchObject({ anonymous: true, authorName: "" });
    const raw = JSON.stringify(items);
    expect(raw).not.toContain("authorUid");
    const benNotes = items
      .flatMap((i) => (i.e === "rec" ? i.r : []))
      .filter(([k, , d]) => k === "note" && d?.text === "Nobody listens to juniors");
    expect(benNotes.every(([, , d]) => d!.authorName === "")).toBe(true);
    // Before the timeline was on, nothing is known.
    expect(stateAt(timeline, items[0]!.at - 1).recording).toBe(false);
    await Promise.all([host.leave(), anna.leave(), ben.leave()]);
  });

  it("names the meeting room each seated person took part from, on joining and in every later snapshot", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Remote Rita"]);
    sendCommand(host, "hybrid.add", { name: "Meeting room Kuusi", seats: 4 });
    await waitForState(host, (s) => s.physicalRooms.size === 1);
    const roomId = [...host.state.physicalRooms.keys()][0]!;
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);
    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: roomId, as: "seat" } });
    const roomOf = (items: TimelineItem[], name: string) =>
      [...stateAt(prepareTimeline(items), clock.now() + 1).people.values()].find((p) => p.name === name)?.room;
    // Joining: the join event carries the room.
    let items = await logUntil(session.code, session.facilitatorSecret, (log) => roomOf(log, "Aino") !== undefined);
    expect(roomOf(items, "Aino")).toBe("Meeting room Kuusi");
    expect(roomOf(items, "Remote Rita")).toBe("");
    // Switched off and on: the new start's snapshot carries it too.
    sendCommand(host, "timeline.set", { on: false });
    await waitForState(host, (s) => s.timeline.on === false);
    clock.skip(1000);
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);
    items = await logUntil(
      session.code,
      session.facilitatorSecret,
      (log) => log.filter((i) => i.e === "start").length === 2,
    );
    const snap = items.findLast((i) => i.e === "start");
    expect(snap?.e === "start" && snap.snap.people.find((p) => p[1] === "Aino")?.[8]).toBe("Meeting room Kuusi");
    expect(roomOf(items, "Aino")).toBe("Meeting room Kuusi");
    await Promise.all([host.leave(), ...guests.map((g) => g.leave()), aino.leave()]);
  });

  it("follows a meeting room renamed and removed mid-session: rebuilt at t, each person's room and place are what the facilitator saw live", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Remote Rita"]);
    sendCommand(host, "hybrid.add", { name: "Meeting room Kuusi", seats: 4 });
    await waitForState(host, (s) => s.physicalRooms.size === 1);
    const roomId = [...host.state.physicalRooms.keys()][0]!;
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);
    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: roomId, as: "seat" } });
    const everyone = [host, ...guests, aino];
    /** Who sits in which meeting room and where everyone stands, as the host's page shows it. */
    const liveRooms = () => {
      const roomOf = (id: string) =>
        [...host.state.physicalRooms.values()].find((r) => r.seated.has(id) || r.device === id)?.name ?? "";
      const ownPose = (id: string) => nearPose(everyone.find((room) => room.sessionId === id)!)!;
      return [...host.state.people.keys()]
        .map((id) => ({ name: host.state.people.get(id)!.name, room: roomOf(id), x: ownPose(id).x, z: ownPose(id).z }))
        .sort((a, b) => a.name.localeCompare(b.name));
    };
    const rebuiltRooms = (items: TimelineItem[], t: number) =>
      [...stateAt(prepareTimeline(items), t).people.values()]
        .map((p) => ({ name: p.name, room: p.room, x: p.x, z: p.z }))
        .sort((a, b) => a.name.localeCompare(b.name));
    await waitForState(host, (s) => s.physicalRooms.get(roomId)?.seated.has(aino.sessionId) === true);
    await allPatchesDelivered(host, [...guests, aino]);
    await logUntil(session.code, session.facilitatorSecret, (log) =>
      rebuiltRooms(log, clock.now()).some((p) => p.name === "Aino"),
    );
    const seatedAt = clock.now();
    const seated = liveRooms();
    expect(seated.find((p) => p.name === "Aino")!.room).toBe("Meeting room Kuusi");

    // Renamed: the log says so in the write that stores the new name.
    clock.skip(1000);
    sendCommand(host, "hybrid.update", { id: roomId, name: "Meeting room Koivu" });
    await waitForState(host, (s) => s.physicalRooms.get(roomId)?.name === "Meeting room Koivu");
    await allPatchesDelivered(host, [...guests, aino]);
    const store = server.app.services.store;
    const renamed = (await store.loadTimeline(session.code)).map((e) => ({ ...(e.data as TimelineEvent), at: e.at }));
    const renamedAt = clock.now();
    expect(rebuiltRooms(renamed, renamedAt)).toEqual(liveRooms());

    // Removed: Aino takes part remotely from the plenary, in the log from the same write that deletes the room.
    clock.skip(1000);
    sendCommand(host, "hybrid.remove", { id: roomId });
    await waitForState(host, (s) => s.physicalRooms.size === 0);
    const removed = (await store.loadTimeline(session.code)).map((e) => ({ ...(e.data as TimelineEvent), at: e.at }));
    expect(removed.findLast((i) => i.e === "room")).toMatchObject({ r: "" });
    // Her new place is presence, sampled once a second: wait for the sample, then compare everything.
    await allPatchesDelivered(host, [...guests, aino]);
    const live = liveRooms();
    expect(live.find((p) => p.name === "Aino")!.room).toBe("");
    const items = await logUntil(session.code, session.facilitatorSecret, (log) =>
      isDeepStrictEqual(rebuiltRooms(log, clock.now()), live),
    );
    const removedAt = clock.now();
    expect(rebuiltRooms(items, seatedAt)).toEqual(seated);
    expect(rebuiltRooms(items, renamedAt)).toEqual(rebuiltRooms(renamed, renamedAt));
    expect(rebuiltRooms(items, removedAt)).toEqual(live);
    await Promise.all(everyone.map((r) => r.leave()));
  });

  it("stores a note and its entry together, and keeps recording when the room opens again", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(anna, (s) => s.timeline.on === true);
    sendCommand(anna, "boards.addNote", { boardId: wallBoardId(anna), text: "Kept", color: 0 });
    await handled(anna);
    const store = server.app.services.store;
    const records = await store.loadRecords(session.code);
    const note = records.find((r) => r.kind === "note" && (r.data as { text?: string }).text === "Kept")!;
    expect((await store.loadTimeline(session.code)).some((e) => JSON.stringify(e.data).includes(note.id))).toBe(true);

    // Everyone leaves, the room closes; the next one to come opens it recording, from a fresh start.
    await Promise.all([host.leave(), anna.leave()]);
    const back = await server.join(session.code, { name: "Anna again" });
    expect(back.state.timeline.on).toBe(true);
    const items = await timelineOf(session.code, session.facilitatorSecret);
    expect(items.filter((i) => i.e === "start")).toHaveLength(2);
    const state = stateAt(prepareTimeline(items), clock.now() + 1);
    expect(boardsOf(state).flatMap((b) => b.notes.map((n) => n.text))).toContain("Kept");
    await waitForState(back, (s) => s.people.size === 1);
    await back.leave();
  });

  it("goes with the session: in its export, deleted with it, and swept by RETENTION_DAYS", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(anna, (s) => s.timeline.on === true);
    sendCommand(anna, "boards.addNote", { boardId: wallBoardId(anna), text: "Exported", color: 0 });
    await handled(anna);
    const get = (ext: string) =>
      fetch(`${server.baseUrl}/api/sessions/${session.code}/export.${ext}?lang=en`, {
        headers: { authorization: `Bearer ${session.facilitatorSecret}` },
      });
    const json = (await (await get("json")).json()) as { timeline?: { items: TimelineItem[] } };
    expect(json.timeline?.items.some((i) => i.e === "rec" && JSON.stringify(i.r).includes("Exported"))).toBe(true);
    expect(await (await get("md")).text()).toContain("## Timeline, step by step");

    await Promise.all([host.leave(), anna.leave()]);
    const store = server.app.services.store;
    // The sweep leaves an open room alone: wait until the last leave has closed it.
    for (let i = 0; i < 100 && server.app.services.rooms.has(session.code); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await store.loadTimeline(session.code)).length).toBeGreaterThan(0);
    // Forty days later nobody has touched it: the retention sweep takes the session, and its timeline with it.
    clock.skip(40 * 24 * 3600 * 1000);
    expect(await sweepOldSessions(server.app.services, 30)).toContain(session.code);
    expect(await store.loadTimeline(session.code)).toEqual([]);
  });

  it("replays each countdown as the room showed it: time left, paused, and up", async () => {
    const { session, host } = await hostAndGuests(server, []);
    sendCommand(host, "timeline.set", { on: true });
    await waitForState(host, (s) => s.timeline.on === true);
    const zone = [...host.state.zones.keys()][0]!;
    sendCommand(host, "timers.control", { op: "start", target: "plenary", seconds: 300 });
    sendCommand(host, "timers.control", { op: "start", target: zone, seconds: 120 });
    await waitForState(
      host,
      (s) => s.plenaryTimer.status === "running" && s.zones.get(zone)?.work.timer.status === "running",
    );
    // What the host's page showed, from the same stored values every screen counts down from.
    const timerValue = (t: { status: string; durationMs: number; remainingMs: number; stampedAt: number }) => ({
      ...t,
      status: t.status as TimerStatus,
    });
    const plenary = timerValue(host.state.plenaryTimer);
    const zoneRunning = timerValue(host.state.zones.get(zone)!.work.timer);
    const started = plenary.stampedAt;
    clock.skip(30_000);
    sendCommand(host, "timers.control", { op: "pause", target: zone });
    await waitForState(host, (s) => s.zones.get(zone)?.work.timer.status === "paused");
    const zonePaused = timerValue(host.state.zones.get(zone)!.work.timer);
    clock.skip(200_000);
    await logUntil(session.code, session.facilitatorSecret, (items) =>
      items.some(
        (i) =>
          i.e === "rec" &&
          i.r.some(
            ([kind, , d]) => kind === "zone" && (d?.timer as { status?: string } | undefined)?.status === "paused",
          ),
      ),
    );
    const timeline = prepareTimeline(await timelineOf(session.code, session.facilitatorSecret));
    const zoneClock = (t: number) => zonesOf(stateAt(timeline, t)).find((z) => z.id === zone)!.clock;

    const t1 = started + 10_000;
    expect(plenaryClockOf(stateAt(timeline, t1))).toEqual({ status: "running", remainingMs: remainingAt(plenary, t1) });
    expect(zoneClock(t1)).toEqual({ status: "running", remainingMs: remainingAt(zoneRunning, t1) });
    expect(remainingAt(zoneRunning, t1)).toBeGreaterThan(100_000);
    // Paused at about 1:30 left, it stays there whenever the debrief looks later.
    const t2 = zonePaused.stampedAt + 60_000;
    expect(zoneClock(t2)).toEqual({ status: "paused", remainingMs: zonePaused.remainingMs });
    expect(zonePaused.remainingMs).toBeGreaterThan(80_000);
    expect(zonePaused.remainingMs).toBeLessThanOrEqual(90_000);
    // The plenary's five minutes ran out while the zone's clock stood still.
    expect(plenaryClockOf(stateAt(timeline, started + 300_000))).toEqual({ status: "done", remainingMs: 0 });
    // Before the timers started, there was no countdown to show.
    expect(plenaryClockOf(stateAt(timeline, started - 1))).toBeUndefined();
    await host.leave();
  });
});
