import type { SessionServices } from "../session/services";

/**
 * Deletes a session for good: everyone in its room is told and disconnected first (so nothing more
 * can be written), then its rows and files are erased.
 */
export async function deleteSessionEverywhere(services: SessionServices, code: string): Promise<void> {
  const room = services.rooms.get(code);
  if (room) await room.closeAll("deleted");
  await services.store.deleteSession(code);
}
