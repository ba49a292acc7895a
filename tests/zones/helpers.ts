import { sendCommand } from "../../shared/protocol/send";
import { floorSpot } from "../../shared/movement/pose-codec";
import type { ErrorMessage, ServerMessage } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import type { ZoneWorkState } from "../../shared/zones/state";
import { nextMessage, waitForState, type SdkSessionRoom, type TestServer } from "../support/server";

// Helpers shared by the zones room tests: a facilitator with guests, positions, refusals, barriers.

/** Creates a session with a facilitator ("Host") and participants with the given names. */
export async function hostAndGuests(server: TestServer, names: string[]) {
  const session = await server.createSession();
  const host = await server.join(session.code, { facilitatorSecret: session.facilitatorSecret, name: "Host" });
  const guests: SdkSessionRoom[] = [];
  for (const name of names) guests.push(await server.join(session.code, { name }));
  await waitForState(host, (s) => s.people.size === names.length + 1);
  return { session, host, guests };
}

export function where(room: SdkSessionRoom, id = room.sessionId) {
  const person = room.state.people.get(id)!;
  return { ...floorSpot(person.pose), zone: person.zone };
}

/** Sends a message and resolves with the error it is refused with. */
export async function refusal(room: SdkSessionRoom, name: string, payload: unknown): Promise<ErrorMessage> {
  const error = nextMessage<ErrorMessage>(room, "error");
  room.send(name, payload);
  return error;
}

/** Resolves once the server has handled everything this client sent before. */
export async function handled(room: SdkSessionRoom): Promise<void> {
  const t = Math.random();
  const reply = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no timers.sync reply")), 3000);
    const off = room.onMessage("timers.sync", (message: ServerMessage<"timers.sync">) => {
      if (message.t !== t) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
  sendCommand(room, "timers.sync", { t });
  await reply;
}

/** Waits until every earlier patch has reached `rooms`: a public change made now is seen by all of them. */
export async function allPatchesDelivered(host: SdkSessionRoom, rooms: SdkSessionRoom[]): Promise<void> {
  const title = `sync ${Math.random().toString(36).slice(2)}`;
  sendCommand(host, "session.rename", { title });
  await Promise.all(rooms.map((room) => waitForState(room, (s) => s.title === title)));
}

/** A zone's private work as this client decoded it; undefined when the server never sent it. */
export function zoneWork(state: SessionState, id: string): ZoneWorkState | undefined {
  return state.zones.get(id)?.work;
}

/** A VR-style hop, after waiting out the teleport cooldown; resolves once the server has handled it. */
export async function teleport(room: SdkSessionRoom, x: number, z: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 450));
  sendCommand(room, "movement.teleport", { x: Math.round(x * 100), z: Math.round(z * 100) });
  await handled(room);
}
