import { Client } from "@colyseus/sdk";
import { describe, expect, it, vi } from "vitest";
import { encodePose, floorSpot } from "../../shared/movement/pose-codec";
import { seatSpot } from "../../shared/hybrid/rules";
import { templatePlan } from "../../shared/methods/templates";
import type { MethodsState, ServerMessage, SessionInfoResponse } from "../../shared/protocol";
import { PROTOCOL_VERSION, SESSION_ROOM } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import { sendCommand } from "../../shared/protocol/send";
import { nextMessage, waitForState, type SdkSessionRoom } from "../support/server";
import { awaitNearPose, handled, hostAndGuests, refusal, useTestServer, where } from "../support/rooms";
import { nearPose, seenPose } from "../support/poses";

const server = useTestServer();

/** Adds a physical room as the host and resolves with its id once the host sees it. */
async function addRoom(host: SdkSessionRoom, name: string, seats: number): Promise<string> {
  sendCommand(host, "hybrid.add", { name, seats });
  await waitForState(host, (s) => [...s.physicalRooms.values()].some((r) => r.name === name));
  return [...host.state.physicalRooms.values()].find((r) => r.name === name)!.id;
}

const near = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z) < 0.02;
/** As someone far away sees it: within the coarse pose's 10 cm step (interest management). */
const roughly = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z) < 0.08;

describe("physical rooms on the server's authority", () => {
  it("only facilitators add, rename and remove rooms; names and seat counts are bounded", async () => {
    const { host, guests } = await hostAndGuests(server, ["Guest"]);
    const guest = guests[0]!;
    expect((await refusal(guest, "hybrid.add", { name: "Kuusi", seats: 8 })).code).toBe("forbidden");
    expect((await refusal(host, "hybrid.add", { name: "Kuusi", seats: 0 })).code).toBe("invalid_payload");
    expect((await refusal(host, "hybrid.add", { name: "Kuusi", seats: 17 })).code).toBe("invalid_payload");
    expect((await refusal(host, "hybrid.add", { name: "x".repeat(41), seats: 4 })).code).toBe("invalid_payload");
    expect((await refusal(host, "hybrid.add", { name: "   ", seats: 4 })).code).toBe("invalid_payload");

    const id = await addRoom(host, "Meeting room Kuusi", 8);
    await waitForState(guest, (s) => s.physicalRooms.get(id)?.seats === 8);
    expect((await refusal(guest, "hybrid.update", { id, name: "Mine" })).code).toBe("forbidden");
    expect((await refusal(guest, "hybrid.remove", { id })).code).toBe("forbidden");

    sendCommand(host, "hybrid.update", { id, name: "Meeting room Koivu", seats: 6 });
    await waitForState(guest, (s) => s.physicalRooms.get(id)?.name === "Meeting room Koivu");
    expect(guest.state.physicalRooms.get(id)!.seats).toBe(6);

    // The lab has floor for four tables.
    for (const name of ["B", "C", "D"]) await addRoom(host, name, 4);
    expect((await refusal(host, "hybrid.add", { name: "E", seats: 4 })).code).toBe("too_many_physical_rooms");

    sendCommand(host, "hybrid.remove", { id });
    await waitForState(guest, (s) => !s.physicalRooms.has(id));
    expect((await refusal(host, "hybrid.remove", { id })).code).toBe("not_found");
    await Promise.all([host.leave(), guest.leave()]);
  });

  it("seats people joining in the room, shows them to everyone, and keeps them in their seat", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Remote"]);
    const remote = guests[0]!;
    const id = await addRoom(host, "Kuusi", 3);

    // The join page learns of the room before joining.
    const info = (await (await fetch(`${server.baseUrl}/api/sessions/${session.code}`)).json()) as SessionInfoResponse;
    expect(info.physicalRooms).toEqual([{ id, name: "Kuusi", seats: 3, seated: 0, device: false }]);

    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: id, as: "seat" } });
    const eero = await server.join(session.code, { name: "Eero", hybrid: { room: id, as: "seat" } });
    await waitForState(remote, (s) => s.physicalRooms.get(id)?.seated.size === 2);
    const table = remote.state.physicalRooms.get(id)!;
    expect(table.seated.get(aino.sessionId)).toBe(0);
    expect(table.seated.get(eero.sessionId)).toBe(1);
    // Their pose is their seat: exactly on their own page, and for everyone else too, from afar within
    // the coarse pose's 10 cm step (interest management).
    await Promise.all([awaitNearPose(aino), awaitNearPose(eero)]);
    expect(near(where(aino), seatSpot(table, 3, 0))).toBe(true);
    expect(near(where(eero), seatSpot(table, 3, 1))).toBe(true);
    const roughly = (a: { x: number; z: number }, b: { x: number; z: number }) =>
      Math.hypot(a.x - b.x, a.z - b.z) < 0.08;
    await waitForState(remote, () => roughly(where(remote, aino.sessionId), seatSpot(table, 3, 0)));
    await waitForState(remote, () => roughly(where(remote, eero.sessionId), seatSpot(table, 3, 1)));

    // Someone in the room cannot walk: the step is refused with a reason, and they stay seated.
    const seat = where(aino);
    const corrected = nextMessage<ServerMessage<"movement.corrected">>(aino, "movement.corrected");
    sendCommand(aino, "movement.pose", encodePose({ x: seat.x + 0.3, y: 1.2, z: seat.z, yaw: 0, pitch: 0 }));
    expect((await corrected).reason).toBe("seated");
    await handled(aino);
    expect(near(where(remote, aino.sessionId), seat)).toBe(true);
    const hop = nextMessage<ServerMessage<"movement.corrected">>(aino, "movement.corrected");
    sendCommand(aino, "movement.teleport", { x: Math.round(seat.x * 100) + 100, z: Math.round(seat.z * 100) });
    expect((await hop).reason).toBe("seated");

    // A facilitator's summon moves the remote people, not the room's.
    sendCommand(host, "zones.summon", {});
    await handled(host);
    await handled(aino);
    expect(near(where(aino), seat)).toBe(true);

    // Nor does a send-out to the zones: the server refuses a group holding someone seated.
    const zone = [...host.state.zones.keys()][0]!;
    const send = await refusal(host, "zones.send", { groups: [{ zone, people: [remote.sessionId, aino.sessionId] }] });
    expect(send).toMatchObject({ code: "invalid_payload", detail: "seated at a table" });
    expect(near(where(aino), seat)).toBe(true);

    // Their phone has no voice of its own (the room device carries the room), whatever it sends.
    const voice = await refusal(aino, "voice.connect", {});
    expect(voice).toMatchObject({ code: "forbidden", detail: "seated" });

    // They do everything else a participant does: a hand, a chat line.
    sendCommand(aino, "hands.raise", { raised: true });
    await waitForState(host, (s) => (s.people.get(aino.sessionId)?.handRaisedAt ?? 0) > 0);

    // A freed seat is given to the next one in; a full room is refused clearly.
    await eero.leave();
    await waitForState(host, (s) => s.physicalRooms.get(id)?.seated.size === 1);
    const sanna = await server.join(session.code, { name: "Sanna", hybrid: { room: id, as: "seat" } });
    const ville = await server.join(session.code, { name: "Ville", hybrid: { room: id, as: "seat" } });
    await waitForState(host, (s) => s.physicalRooms.get(id)?.seated.size === 3);
    expect(host.state.physicalRooms.get(id)!.seated.get(sanna.sessionId)).toBe(1);
    expect(host.state.physicalRooms.get(id)!.seated.get(ville.sessionId)).toBe(2);
    await expect(server.join(session.code, { name: "Late", hybrid: { room: id, as: "seat" } })).rejects.toThrow(
      /physical_room_full/,
    );
    // Fewer seats than people in the room is refused; more seats widen the ring and everyone moves with it.
    expect((await refusal(host, "hybrid.update", { id, seats: 2 })).code).toBe("physical_room_full");
    sendCommand(host, "hybrid.update", { id, seats: 10 });
    await waitForState(remote, (s) => s.physicalRooms.get(id)?.seats === 10);
    await handled(host);
    await allSeen(remote, id);

    await Promise.all([host.leave(), remote.leave(), aino.leave(), sanna.leave(), ville.leave()]);
  });

  it("refuses joining a room that does not exist, and a second room device", async () => {
    const { session, host } = await hostAndGuests(server, []);
    await expect(server.join(session.code, { name: "Lost", hybrid: { room: "nope", as: "seat" } })).rejects.toThrow(
      /physical_room_not_found/,
    );
    const id = await addRoom(host, "Kuusi", 4);
    await expect(
      server.join(session.code, { name: "Watcher", observer: true, hybrid: { room: id, as: "seat" } }),
    ).rejects.toThrow(/invalid_join/);

    const device = await server.join(session.code, { name: "Kuusi laptop", hybrid: { room: id, as: "device" } });
    await waitForState(host, (s) => s.physicalRooms.get(id)?.device === device.sessionId);
    // The device stands at the table's centre: its voice comes from there.
    const table = host.state.physicalRooms.get(id)!;
    expect(near(where(host, device.sessionId), { x: table.x, z: table.z })).toBe(true);
    await expect(
      server.join(session.code, { name: "Other laptop", hybrid: { room: id, as: "device" } }),
    ).rejects.toThrow(/room_device_taken/);
    const corrected = nextMessage<ServerMessage<"movement.corrected">>(device, "movement.corrected");
    const at = where(device);
    sendCommand(device, "movement.pose", encodePose({ x: at.x + 0.2, y: 1, z: at.z, yaw: 0, pitch: 0 }));
    expect((await corrected).reason).toBe("seated");

    // Once it leaves, the room may have a device again.
    await device.leave();
    await waitForState(host, (s) => s.physicalRooms.get(id)?.device === "");
    const next = await server.join(session.code, { name: "Spare laptop", hybrid: { room: id, as: "device" } });
    await waitForState(host, (s) => s.physicalRooms.get(id)?.device === next.sessionId);
    await Promise.all([host.leave(), next.leave()]);
  });

  it("gives the last seat to one of two people joining at the same moment; the other is refused or let in remote, told why", async () => {
    const { session, host } = await hostAndGuests(server, []);
    const id = await addRoom(host, "Kuusi", 1);
    // Both joins pass the check at authentication (the seat is free for each); the room seats one and
    // lets the other in as remote with the reason, rather than turning them away after the wait.
    const joinTold = (name: string) =>
      new Promise<{ room: SdkSessionRoom; told: string[] }>((resolve, reject) => {
        const sdk = new Client(server.baseUrl.replace(/^http/, "ws"));
        sdk
          .joinOrCreate<SessionState>(SESSION_ROOM, {
            protocol: PROTOCOL_VERSION,
            code: session.code,
            name,
            color: 0,
            locale: "en",
            hybrid: { room: id, as: "seat" },
          })
          .then((room) => {
            // Registered before the room's first patch arrives: what onJoin sent comes with it.
            const told: string[] = [];
            room.onMessage("error", (error: ServerMessage<"error">) => told.push(`${error.command}:${error.code}`));
            waitForState(room, (s) => s.people?.has(room.sessionId) === true).then(
              () => resolve({ room, told }),
              reject,
            );
          }, reject);
      });
    const settled = await Promise.allSettled([joinTold("Aino"), joinTold("Eero")]);
    const inside = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = settled.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    // Whichever way the moment falls (the second checked after the first sat down, or both checked first),
    // exactly one sits, and the other is either refused clearly or inside as remote and told why.
    for (const reason of refused) expect(reason).toMatch(/physical_room_full/);
    await waitForState(host, (s) => s.physicalRooms.get(id)?.seated.size === 1);
    await handled(host);
    const seated = host.state.physicalRooms.get(id)!.seated;
    expect(inside.filter(({ room }) => seated.has(room.sessionId))).toHaveLength(1);
    for (const { room, told } of inside.filter(({ room }) => !seated.has(room.sessionId))) {
      await vi.waitFor(() => expect(told).toContain("join:physical_room_full"));
      expect(host.state.people.has(room.sessionId)).toBe(true);
    }
    expect(inside.length + refused.length).toBe(2);
    await Promise.all([host.leave(), ...inside.map(({ room }) => room.leave())]);
  });

  it("makes the room's people remote when the facilitator removes the room", async () => {
    const { session, host } = await hostAndGuests(server, []);
    const id = await addRoom(host, "Kuusi", 4);
    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: id, as: "seat" } });
    const moved = nextMessage<ServerMessage<"movement.corrected">>(aino, "movement.corrected");
    sendCommand(host, "hybrid.remove", { id });
    expect((await moved).reason).toBe("moved_by_server");
    await waitForState(aino, (s) => s.physicalRooms.size === 0);
    // Now remote, they may walk.
    const from = where(aino);
    sendCommand(aino, "movement.pose", encodePose({ x: from.x + 0.3, y: 1.6, z: from.z, yaw: 0, pitch: 0 }));
    await waitForState(host, () => {
      const pose = nearPose(host, aino.sessionId);
      return pose !== undefined && Math.abs(floorSpot(pose).x - (from.x + 0.3)) < 0.02;
    });
    await Promise.all([host.leave(), aino.leave()]);
  });
});

describe("exports mark what came from the room", () => {
  it("lists each room with who sat in it, and marks their named notes", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Rita"]);
    const rita = guests[0]!;
    const id = await addRoom(host, "Meeting room Kuusi", 8);
    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: id, as: "seat" } });
    const board = [...host.state.boards.entries()].find(([, b]) => b.preset === "wall")![0];
    sendCommand(aino, "boards.addNote", { boardId: board, text: "Cable missing", color: 0 });
    sendCommand(rita, "boards.addNote", { boardId: board, text: "Audio is fine", color: 1 });
    await waitForState(host, (s) => s.boards.get(board)?.notes?.size === 2);
    const get = async (format: string) => {
      const response = await fetch(`${server.baseUrl}/api/sessions/${session.code}/export.${format}?lang=en`, {
        headers: { authorization: `Bearer ${session.facilitatorSecret}` },
      });
      return response.text();
    };
    const md = await get("md");
    expect(md).toContain("- Cable missing — *by Aino · in the room*");
    expect(md).toContain("- Audio is fine — *by Rita*");
    expect(md).toContain("## In the room and remote");
    expect(md).toContain("- Meeting room Kuusi (8 seats), in the room: Aino");
    expect(md).toContain("Named notes written in a meeting room: 1; remotely: 1.");
    const json = JSON.parse(await get("json")) as {
      physicalRooms: unknown[];
      boards: { notes: { text: string; inRoom: boolean }[] }[];
    };
    expect(json.physicalRooms).toEqual([{ name: "Meeting room Kuusi", seats: 8, inRoom: ["Aino"] }]);
    const notes = json.boards.flatMap((b) => b.notes);
    expect(notes.find((n) => n.text === "Cable missing")!.inRoom).toBe(true);
    expect(notes.find((n) => n.text === "Audio is fine")!.inRoom).toBe(false);
    await Promise.all([host.leave(), rita.leave(), aino.leave()]);
  });
});

/** Everyone seated in room `id` stands on their seat of its current ring, as `room` sees it (near or far). */
async function allSeen(room: SdkSessionRoom, id: string): Promise<void> {
  await waitForState(room, (s) => {
    const table = s.physicalRooms.get(id);
    if (!table) return false;
    return [...table.seated.entries()].every(([person, seat]) => {
      const seen = seenPose(room, person);
      return seen !== undefined && roughly(floorSpot(seen), seatSpot(table, table.seats, seat));
    });
  });
}

describe("hybrid tables in a running method", () => {
  it("a method's groups keep a meeting room's table together, at the table; the room device is in no group", async () => {
    const { session, host, guests } = await hostAndGuests(server, ["Anna", "Ben", "Cai", "Dora"]);
    const id = await addRoom(host, "Kuusi", 4);
    const aino = await server.join(session.code, { name: "Aino", hybrid: { room: id, as: "seat" } });
    const eero = await server.join(session.code, { name: "Eero", hybrid: { room: id, as: "seat" } });
    const device = await server.join(session.code, { name: "Kuusi laptop", hybrid: { room: id, as: "device" } });
    for (const room of [host, ...guests, aino, eero, device]) room.onMessage("methods.state", () => {});
    await waitForState(
      host,
      (s) => s.physicalRooms.get(id)?.seated.size === 2 && s.physicalRooms.get(id)!.device !== "",
    );
    await Promise.all([awaitNearPose(aino), awaitNearPose(eero)]);
    const seats = [where(aino), where(eero)];
    let n = 0;
    const plan = templatePlan("oneTwoFourAll", "en", () => `h${++n}`);
    const saved = nextMessage<MethodsState>(host, "methods.state", 5000, (s) => s.plan !== null);
    sendCommand(host, "methods.plan.save", { plan });
    await saved;
    const solo = nextMessage<MethodsState>(host, "methods.state", 5000, (s) => s.step === 0);
    sendCommand(host, "methods.step.next", { from: -1 });
    await solo;

    // Pairs: the remote four go to two zones in pairs; Aino and Eero are one group, their table's.
    const ainoTold = nextMessage<MethodsState>(aino, "methods.state", 5000, (s) => s.step === 1);
    const deviceTold = nextMessage<MethodsState>(device, "methods.state", 5000, (s) => s.step === 1);
    const hostTold = nextMessage<MethodsState>(host, "methods.state", 5000, (s) => s.step === 1);
    sendCommand(host, "methods.step.next", { from: 0 });
    expect((await ainoTold).group.map((m) => m.name).sort()).toEqual(["Aino", "Eero"]);
    expect((await deviceTold).group).toEqual([]);
    // No zone is missing for the table: facilitators are not told of a shortage.
    expect((await hostTold).zonesShort).toBeNull();
    await waitForState(host, (s) => guests.every((g) => s.people.get(g.sessionId)!.zone !== ""));
    expect(new Set(guests.map((g) => where(host, g.sessionId).zone)).size).toBe(2);
    // Nobody at the table was taken to a zone: they sit where they sat.
    expect(where(host, aino.sessionId).zone).toBe("");
    expect(where(host, eero.sessionId).zone).toBe("");
    expect(near(where(aino), seats[0]!)).toBe(true);
    expect(near(where(eero), seats[1]!)).toBe(true);
  });
});
