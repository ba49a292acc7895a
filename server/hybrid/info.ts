import type { PhysicalRoomInfo } from "../../shared/protocol";
import type { SessionServices } from "../session/services";
import { storedPhysicalRooms } from "./records";

/**
 * The session's physical rooms for the join page: from the open room when this process runs it (with
 * who sits there now), else from storage (nobody is seated in a room that is not open).
 */
export async function physicalRoomsInfo(services: SessionServices, code: string): Promise<PhysicalRoomInfo[]> {
  const open = services.rooms.get(code);
  if (open) {
    return [...open.state.physicalRooms.values()].map((r) => ({
      id: r.id,
      name: r.name,
      seats: r.seats,
      seated: r.seated.size,
      device: r.device !== "",
    }));
  }
  const stored = storedPhysicalRooms(await services.store.loadRecords(code));
  return stored.map((r) => ({ id: r.id, name: r.name, seats: r.seats, seated: 0, device: false }));
}
