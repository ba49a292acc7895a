import { useEffect } from "react";
import { zoneAt } from "../../shared/zones/membership";
import { entryRefusal, occupancy } from "../../shared/zones/entry";
import { useLocalPlayer } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { useSessionStore, useSelf } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { useZonesStore } from "./zones-store";

/**
 * Stops this person at the edge of a zone they may not enter (locked or full) with the same rule the
 * server applies, so walking into one feels like meeting a wall rather than being pulled back; and
 * says why when the server refuses a step.
 */
export function ZoneBarrier() {
  const player = useLocalPlayer();
  const connection = useConnection();
  const self = useSelf();
  const zones = useZonesStore((s) => s.zones);
  const people = useSessionStore((s) => s.people);

  useEffect(() => {
    if (!self) return;
    const shapes = zones.map(({ id, x, z, radius }) => ({ id, x, z, radius }));
    const everyone = Object.values(people);
    let lastWarned = "";
    player.blocked = (x, z) => {
      const next = zoneAt(shapes, x, z, self.zone);
      if (next === "" || next === self.zone) return false;
      const zone = zones.find((candidate) => candidate.id === next);
      const refusal = zone ? entryRefusal(zone, self, occupancy(everyone, next)) : null;
      if (refusal && lastWarned !== `${next}:${refusal}`) {
        lastWarned = `${next}:${refusal}`;
        showToast({ key: `errors.${refusal}` });
      }
      return refusal !== null;
    };
    return () => {
      player.blocked = null;
    };
  }, [player, self, zones, people]);

  useEffect(
    () =>
      connection.on("movement.corrected", ({ reason }) => {
        if (reason === "zone_locked" || reason === "zone_full") showToast({ key: `errors.${reason}` });
      }),
    [connection],
  );

  return null;
}
