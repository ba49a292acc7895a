import { useEffect, useMemo, useState } from "react";
import { remainingAt } from "../../shared/timers/timer";
import { balcony, type BalconyFlag, type BalconyZone } from "../../shared/coaching/balcony";
import { zoneDisplayName } from "../../shared/zones/names";
import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { useZonesStore } from "../zones/zones-store";
import { useBoardsStore } from "../boards/boards-store";
import { useAtTables } from "../hybrid/hybrid-store";
import { serverTime } from "../timers/server-clock";
import { useSpeakingStore } from "./speaking-store";

/** How each highlight is said. */
export const FLAG_KEYS = {
  hands: "balcony.flag.hands",
  time_up: "balcony.flag.timeUp",
  alone: "balcony.flag.alone",
  one_organisation: "balcony.flag.oneOrganisation",
  one_voice: "speaking.oneVoice",
  not_heard: "speaking.someoneNotHeard",
} as const satisfies Record<BalconyFlag, string>;

/** Re-renders once a second, for the zones' clocks. */
function useEverySecond(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const interval = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(interval);
  }, []);
  return tick;
}

/**
 * The balcony's cards (shared/coaching/balcony.ts decides what they say) from what this browser
 * already has: zones, people, boards and who sits at a meeting room's table. Read by the 2D panel
 * and the view from above alike.
 */
export function useBalconyCards(): BalconyZone[] {
  const t = useT();
  const tick = useEverySecond();
  const zones = useZonesStore((s) => s.zones);
  const people = useSessionStore((s) => s.people);
  const boards = useBoardsStore((s) => s.boards);
  const atTables = useAtTables();
  const speaking = useSpeakingStore((s) => s.zones);
  return useMemo(() => {
    void tick;
    const now = serverTime();
    const notesByZone = new Map<string, number>();
    for (const board of Object.values(boards)) {
      notesByZone.set(board.zoneId, (notesByZone.get(board.zoneId) ?? 0) + board.noteCount);
    }
    return balcony(
      zones.map((zone) => ({
        id: zone.id,
        name: zoneDisplayName(zone, t),
        ready: zone.ready,
        remainingMs: zone.work && zone.work.timer.status !== "idle" ? remainingAt(zone.work.timer, now) : null,
      })),
      Object.values(people).map((person) => ({
        id: person.id,
        name: person.name,
        zone: person.zone,
        organisation: person.organisation,
        handRaisedAt: person.handRaisedAt,
        atTable: atTables.has(person.id),
        participant: person.role === "participant",
      })),
      notesByZone,
      t("balcony.plenary"),
      new Map(Object.entries(speaking)),
    );
  }, [tick, zones, people, boards, atTables, speaking, t]);
}
