import { defineCommand, type RoomApi } from "../commands/registry";
import { recorderOf } from "./recorder";
import { timelineSettingsRecord, TIMELINE_SETTINGS_ID } from "./records";
import type { TimelineEntry } from "../storage/store";

/**
 * Switches the timeline on (with a snapshot of everything as it is now, so the log replays from
 * there) or off, storing the setting and that entry in one transaction.
 */
export async function setTimeline(room: RoomApi, on: boolean, now: number): Promise<void> {
  const recorder = recorderOf(room);
  const code = room.state.code;
  const settings = timelineSettingsRecord.encode(
    TIMELINE_SETTINGS_ID,
    { on, since: on ? now : room.state.timeline.since },
    now,
  );
  let entries: TimelineEntry[];
  if (on) {
    const snap = recorder.snapshot(await room.services.store.loadRecords(code));
    recorder.on = true;
    entries = recorder.entry({ e: "start", snap }, now);
  } else {
    await recorder.flush();
    entries = recorder.entry({ e: "stop" }, now);
    recorder.on = false;
  }
  await room.services.store.writeRecords(code, [settings], [], entries);
  room.state.timeline.on = on;
  if (on) room.state.timeline.since = now;
}

export const timelineCommands = [
  defineCommand({
    name: "timeline.set",
    permission: "facilitator",
    rate: { perSecond: 1, burst: 5 },
    overRate: "reject",
    async run(ctx, { on }) {
      if (ctx.room.state.timeline.on === on) return;
      await setTimeline(ctx.room, on, ctx.now);
    },
  }),
];
