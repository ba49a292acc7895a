import { create } from "zustand";
import { IDLE_TIMER, type TimerValue } from "../../shared/timers/timer";

/** What the room lets this person see of a zone's own work (members and facilitators only). */
export interface ZoneWorkView {
  task: string;
  timer: TimerValue;
}

/** A zone as the client shows it; `work` is null when the server does not share it with us. */
export interface ZoneView {
  id: string;
  name: string;
  letter: string;
  x: number;
  z: number;
  radius: number;
  color: string;
  capacity: number;
  locked: boolean;
  ready: boolean;
  work: ZoneWorkView | null;
}

interface ZonesStore {
  /** In the facilitator's order. */
  zones: ZoneView[];
  plenaryTimer: TimerValue;
  /** Server time a recall's grace period ends; 0 = no recall. */
  recallEndsAt: number;
  /** Id of the facilitator asking to be followed; "" = nobody. */
  followLeader: string;
}

/** The zones, the plenary countdown and the facilitator's room-wide moves. Written only by zones/bind.ts. */
export const useZonesStore = create<ZonesStore>(() => ({
  zones: [],
  plenaryTimer: IDLE_TIMER,
  recallEndsAt: 0,
  followLeader: "",
}));

export function zoneById(id: string): ZoneView | undefined {
  return useZonesStore.getState().zones.find((zone) => zone.id === id);
}

export function useZone(id: string | undefined): ZoneView | undefined {
  return useZonesStore((s) => (id ? s.zones.find((zone) => zone.id === id) : undefined));
}
