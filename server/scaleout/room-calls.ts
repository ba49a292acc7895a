import { matchMaker } from "@colyseus/core";
import { SESSION_ROOM } from "../../shared/protocol";
import type { RoomNotice } from "../session/module";
import type { SessionServices } from "../session/services";

/**
 * The HTTP side reaching a session's open room. With several processes the room may live on another
 * one: Colyseus' presence carries the call there (the room is found by its session code in the shared
 * room list). Alone, the room is in this process and is called directly.
 */
async function remoteRoomOf(code: string): Promise<string | undefined> {
  return (await listingOf(code))?.roomId;
}

async function listingOf(code: string) {
  const [listing] = await matchMaker.query({ name: SESSION_ROOM, code } as never);
  return listing;
}

/** Coaches watching a session now, wherever its room runs (0 when no room is open). */
export async function coachesWatching(services: SessionServices, code: string): Promise<number> {
  const local = services.rooms.get(code);
  if (local) return local.coaches.size;
  const coaches = (await listingOf(code))?.metadata?.coaches;
  return typeof coaches === "number" ? coaches : 0;
}

export async function tellSessionRoom(services: SessionServices, code: string, notice: RoomNotice): Promise<void> {
  const local = services.rooms.get(code);
  if (local) return local.notice(notice);
  const roomId = await remoteRoomOf(code);
  // No room open anywhere: the next room reads the change from the store.
  if (roomId) await matchMaker.remoteRoomCall(roomId, "notice", [notice]).catch(() => undefined);
}

export async function closeSessionRoom(
  services: SessionServices,
  code: string,
  reason: "ended" | "deleted",
): Promise<void> {
  const local = services.rooms.get(code);
  if (local) return local.closeAll(reason);
  const roomId = await remoteRoomOf(code);
  if (roomId) await matchMaker.remoteRoomCall(roomId, "closeAll", [reason]);
}
