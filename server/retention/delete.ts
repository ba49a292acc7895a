import type { SessionServices } from "../session/services";
import { closeSessionRoom } from "../scaleout/room-calls";

/**
 * Deletes a session for good: everyone in its room is told and disconnected first (so nothing more
 * can be written), then its rows and files are erased.
 */
export async function deleteSessionEverywhere(services: SessionServices, code: string): Promise<void> {
  await closeSessionRoom(services, code, "deleted");
  await services.store.deleteSession(code);
}
