import { settle } from "../../shared/timers/timer";
import type { RoomModule } from "../session/module";
import { timerRecord } from "./records";
import { PLENARY_TIMER_ID } from "../../shared/timers/timer";
import { allSlots, timersCommands } from "./commands";
import { readTimer, writeTimer } from "./write";

/** How often running countdowns are checked for having reached zero. */
const TICK_MS = 200;

/**
 * Countdowns for the whole room and for each zone. The server's clock is the only one that counts:
 * clients ask it for the time (`timers.sync`) and count down from what the state says was left when.
 */
export const timersModule: RoomModule = {
  name: "timers",
  commands: timersCommands,
  recordKinds: [timerRecord.kind],
  setup(room) {
    room.clock.setInterval(() => {
      const now = room.services.now();
      for (const slot of allSlots(room)) {
        const before = readTimer(slot.timer);
        const after = settle(before, now);
        if (after === before) continue;
        writeTimer(slot.timer, after);
        void slot.save(room, now).catch((error: unknown) => {
          console.error("timer not saved:", error instanceof Error ? error.message : error);
        });
      }
    }, TICK_MS);
  },
  restore(room, records) {
    const stored = records.find((r) => r.kind === timerRecord.kind && r.id === PLENARY_TIMER_ID);
    if (!stored) return;
    try {
      writeTimer(room.state.plenaryTimer, timerRecord.decode(stored));
    } catch (error) {
      console.error("plenary timer unreadable:", error instanceof Error ? error.message : error);
    }
  },
};
