import type { PhysicalRoomState } from "../../shared/hybrid/state";
import type { BindingContext } from "../session/binding";
import { useHybridStore, type PhysicalRoomView } from "./hybrid-store";

function roomView(room: PhysicalRoomState): PhysicalRoomView {
  const seated: Record<string, number> = {};
  room.seated?.forEach((seat, id) => {
    seated[id] = seat;
  });
  return { id: room.id, name: room.name, seats: room.seats, x: room.x, z: room.z, seated, device: room.device ?? "" };
}

/**
 * Mirrors the physical rooms into the hybrid store. At most four small rooms: after each patch they
 * are read whole and the store changes (one React update) only when something in them did.
 */
export function bindHybrid({ room }: BindingContext): void {
  let last = "";
  room.onStateChange((state) => {
    const rooms = [...(state.physicalRooms?.values() ?? [])].map(roomView);
    const key = JSON.stringify(rooms);
    if (key === last) return;
    last = key;
    useHybridStore.setState({ rooms });
  });
}
