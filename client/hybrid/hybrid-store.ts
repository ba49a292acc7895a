import { useMemo } from "react";
import { create } from "zustand";

/** A physical room as the client shows it. */
export interface PhysicalRoomView {
  id: string;
  name: string;
  seats: number;
  x: number;
  z: number;
  /** Session id → seat index. */
  seated: Record<string, number>;
  /** Session id of the room device, or "". */
  device: string;
}

/** Where a person takes part from, when it is a physical room. */
export interface Placement {
  room: PhysicalRoomView;
  /** Seat index, or "device" for the room device. */
  seat: number | "device";
}

interface HybridStore {
  /** In the order the facilitator added them. */
  rooms: PhysicalRoomView[];
}

/** The session's physical rooms. Written only by hybrid/bind.ts. */
export const useHybridStore = create<HybridStore>(() => ({ rooms: [] }));

export function placementIn(rooms: readonly PhysicalRoomView[], id: string | null | undefined): Placement | undefined {
  if (!id) return undefined;
  for (const room of rooms) {
    if (room.device === id) return { room, seat: "device" };
    const seat = room.seated[id];
    if (seat !== undefined) return { room, seat };
  }
  return undefined;
}

/** Where a person takes part from (undefined: remotely, walking the lab). */
export function usePlacement(id: string | null | undefined): Placement | undefined {
  const rooms = useHybridStore((s) => s.rooms);
  return useMemo(() => placementIn(rooms, id), [rooms, id]);
}

/** Everyone seated at a table or serving as a room device: they are drawn at the tables, not as walkers. */
export function useAtTables(): ReadonlySet<string> {
  const rooms = useHybridStore((s) => s.rooms);
  return useMemo(() => {
    const ids = new Set<string>();
    for (const room of rooms) {
      for (const id of Object.keys(room.seated)) ids.add(id);
      if (room.device) ids.add(room.device);
    }
    return ids;
  }, [rooms]);
}
