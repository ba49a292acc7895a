import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { sendCommand } from "../../shared/protocol/send";
import { startTestServer, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";
import { hostAndGuests, where, refusal, handled, allPatchesDelivered } from "../support/rooms";
import { zoneWork } from "./helpers";
import { FrameRecorder } from "./frames";

let server: TestServer;
const frames = new FrameRecorder();

beforeAll(async () => {
  frames.install();
  server = await startTestServer();
});
afterAll(async () => {
  frames.uninstall();
  await server?.close();
});

describe("zone privacy", () => {
  it("sends a zone's task and chat only to its members and the facilitators, never after they leave", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cecilia", "Dora"]);
    const [anna, ben, cecilia, dora] = guests as [SdkSessionRoom, SdkSessionRoom, SdkSessionRoom, SdkSessionRoom];
    const secrets = {
      nwTask: "NW task: map the service path 7731",
      neTask: "NE task: list the blockers 4410",
      nwChat: "NW chat line 5521",
      neChat: "NE chat line 9902",
      nwLater: "NW after Anna left 8841",
      nwLaterTask: "NW task changed after Anna left 3307",
    };

    sendCommand(host, "zones.task", { target: "nw", text: secrets.nwTask });
    sendCommand(host, "zones.task", { target: "ne", text: secrets.neTask });
    sendCommand(host, "zones.send", {
      groups: [
        { zone: "nw", people: [anna.sessionId, dora.sessionId] },
        { zone: "ne", people: [ben.sessionId] },
      ],
      seconds: 600,
    });
    await waitForState(anna, (s) => zoneWork(s, "nw")?.task === secrets.nwTask);
    await waitForState(ben, (s) => zoneWork(s, "ne")?.task === secrets.neTask);
    expect(where(anna).zone).toBe("nw");
    expect(where(ben).zone).toBe("ne");
    expect(zoneWork(anna.state, "nw")?.timer.status).toBe("running");

    sendCommand(anna, "chat.send", { channel: "nw", text: secrets.nwChat });
    sendCommand(ben, "chat.send", { channel: "ne", text: secrets.neChat });
    await waitForState(host, (s) => zoneWork(s, "nw")?.chat.size === 1 && zoneWork(s, "ne")?.chat.size === 1);
    await waitForState(dora, (s) => [...(zoneWork(s, "nw")?.chat.values() ?? [])][0]?.text === secrets.nwChat);

    // A non-member cannot write into another zone's chat either.
    expect(await refusal(ben, "chat.send", { channel: "nw", text: "let me in" })).toMatchObject({
      code: "not_in_zone",
    });

    // Anna goes to another zone; Dora stays in NW and the facilitator changes NW's task.
    sendCommand(host, "zones.send", { groups: [{ zone: "sw", people: [anna.sessionId] }] });
    await waitForState(anna, (s) => s.people.get(anna.sessionId)?.zone === "sw");
    await waitForState(anna, (s) => zoneWork(s, "nw") === undefined);
    const annaFramesBefore = frames.count(anna);
    sendCommand(dora, "chat.send", { channel: "nw", text: secrets.nwLater });
    sendCommand(host, "zones.task", { target: "nw", text: secrets.nwLaterTask });
    await waitForState(
      dora,
      (s) => zoneWork(s, "nw")?.task === secrets.nwLaterTask && zoneWork(s, "nw")?.chat.size === 2,
    );
    await allPatchesDelivered(host, [anna, ben, cecilia, dora]);

    // What each client decoded.
    expect(zoneWork(anna.state, "nw")).toBeUndefined();
    expect(zoneWork(anna.state, "ne")).toBeUndefined();
    expect(zoneWork(anna.state, "sw")).toBeDefined();
    expect(zoneWork(ben.state, "nw")).toBeUndefined();
    for (const id of ["nw", "ne", "sw", "se"]) expect(zoneWork(cecilia.state, id)).toBeUndefined();
    expect(zoneWork(host.state, "nw")?.task).toBe(secrets.nwLaterTask);

    // What reached each client at all, byte for byte, from the first frame on.
    expect(frames.received(anna, secrets.nwTask)).toBe(true); // the check itself works
    expect(frames.received(anna, secrets.nwChat)).toBe(true);
    for (const text of [secrets.neTask, secrets.neChat]) expect(frames.received(anna, text)).toBe(false);
    for (const text of [secrets.nwLater, secrets.nwLaterTask]) {
      expect(frames.received(anna, text, annaFramesBefore)).toBe(false);
      expect(frames.received(anna, text)).toBe(false);
    }
    for (const text of [secrets.nwTask, secrets.nwChat, secrets.nwLater, secrets.nwLaterTask]) {
      expect(frames.received(ben, text)).toBe(false);
    }
    for (const text of Object.values(secrets)) expect(frames.received(cecilia, text)).toBe(false);
    for (const text of Object.values(secrets)) expect(frames.received(host, text)).toBe(true);

    await Promise.all([host, anna, ben, cecilia, dora].map((room) => room.leave()));
  });

  it("refreshes a returning connection's view: a person moved while disconnected sees only the new zone", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    anna.reconnection.minUptime = 0;
    sendCommand(host, "zones.task", { target: "nw", text: "NW only 1188" });
    sendCommand(host, "zones.task", { target: "ne", text: "NE only 2299" });
    sendCommand(host, "zones.send", { groups: [{ zone: "nw", people: [anna.sessionId] }] });
    await waitForState(anna, (s) => zoneWork(s, "nw")?.task === "NW only 1188");

    // The network drops (no close frame); while Anna is away the facilitator sends her to NE.
    const serverRoom = matchMaker.getLocalRoomById(anna.roomId)!;
    const reconnected = new Promise<void>((resolve) => anna.onReconnect(() => resolve()));
    (serverRoom.clients.getById(anna.sessionId)!.ref as unknown as { terminate(): void }).terminate();
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.connected === false);
    const framesBefore = frames.count(anna);
    sendCommand(host, "zones.send", { groups: [{ zone: "ne", people: [anna.sessionId] }] });
    await waitForState(host, (s) => s.people.get(anna.sessionId)?.zone === "ne");
    sendCommand(host, "zones.task", { target: "nw", text: "NW later 3377" });
    await handled(host);
    await reconnected;
    await waitForState(anna, (s) => zoneWork(s, "ne")?.task === "NE only 2299" && zoneWork(s, "nw") === undefined);
    await allPatchesDelivered(host, [anna]);
    expect(frames.received(anna, "NW later 3377", framesBefore)).toBe(false);
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("gives a promoted co-facilitator every zone's work and takes it away when they step back", async () => {
    const { host, guests } = await hostAndGuests(server, ["Eero"]);
    const [eero] = guests as [SdkSessionRoom];
    sendCommand(host, "zones.task", { target: "*", text: "Everyone's task 6620" });
    await handled(host);
    sendCommand(host, "people.setRole", { id: eero.sessionId, role: "facilitator" });
    await waitForState(eero, (s) =>
      [...s.zones.keys()].every((id) => zoneWork(s, id)?.task === "Everyone's task 6620"),
    );
    sendCommand(host, "people.setRole", { id: eero.sessionId, role: "participant" });
    await waitForState(eero, (s) => [...s.zones.keys()].every((id) => zoneWork(s, id) === undefined));
    await Promise.all([host.leave(), eero.leave()]);
  });

  it("keeps the plenary chat for everyone, and refuses observers' chat", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna"]);
    const [anna] = guests as [SdkSessionRoom];
    const watcher = await server.join(session.code, { observer: true, name: "Watcher" });
    sendCommand(anna, "chat.send", { channel: "plenary", text: "  Hello   everyone " });
    await waitForState(watcher, (s) => [...s.plenaryChat.values()][0]?.text === "Hello everyone");
    expect([...watcher.state.plenaryChat.values()][0]).toMatchObject({ name: "Anna", author: anna.sessionId });
    expect(await refusal(watcher, "chat.send", { channel: "plenary", text: "hi" })).toMatchObject({
      code: "forbidden",
    });
    // Only the newest 50 lines are kept: six people write ten lines each.
    const writers = [host, ...(await Promise.all([1, 2, 3, 4, 5].map(() => server.join(session.code))))];
    writers.forEach((writer, w) => {
      for (let i = 0; i < 10; i++) sendCommand(writer, "chat.send", { channel: "plenary", text: `line ${w * 10 + i}` });
    });
    await Promise.all(writers.map((writer) => handled(writer)));
    await allPatchesDelivered(host, [anna]);
    expect(anna.state.plenaryChat.size).toBe(50);
    const texts = [...anna.state.plenaryChat.values()].map((m) => m.text);
    expect(texts).not.toContain("Hello everyone");
    expect(new Set(texts).size).toBe(50);
    await Promise.all([...writers, anna, watcher].map((room) => room.leave()));
  });
});
