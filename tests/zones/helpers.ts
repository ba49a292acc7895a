import type { SessionState } from "../../shared/session/state";
import type { ZoneWorkState } from "../../shared/zones/state";

// What only the zones tests need; the room tests' shared helpers are in tests/support/rooms.ts.

/** A zone's private work as this client decoded it; undefined when the server never sent it. */
export function zoneWork(state: SessionState, id: string): ZoneWorkState | undefined {
  return state.zones.get(id)?.work;
}
