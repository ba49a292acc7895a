import type { RoomModule } from "../session/module";
import { timelineSettingsRecord, TIMELINE_SETTINGS_ID } from "./records";
import { recorderOf } from "./recorder";
import { timelineCommands } from "./commands";
import { TIMELINE_LIMITS } from "../../shared/timeline/log";

/**
 * The debrief timeline (issue 11, item 3): while a facilitator keeps it on, the room's changes are
 * logged. Document changes ride in the transaction that stores them (the room's write verbs ask
 * `timelineFor`); presence (joins, zones, positions once a second when someone moved, hands,
 * reactions) is written at the end of the turn it happened in.
 */
export const timelineModule: RoomModule = {
  name: "timeline",
  commands: timelineCommands,
  recordKinds: [timelineSettingsRecord.kind],
  setup(room) {
    const recorder = recorderOf(room);
    room.clock.setInterval(() => recorder.sample(room.services.now()), TIMELINE_LIMITS.sampleMs);
  },
  async restore(room, records) {
    const stored = records.find((r) => r.id === TIMELINE_SETTINGS_ID);
    if (!stored) return;
    const settings = timelineSettingsRecord.decode(stored);
    room.state.timeline.since = settings.since;
    const recorder = recorderOf(room);
    const code = room.state.code;
    // The size bound and the people's numbers count the whole log, whichever room wrote it.
    recorder.resumeFrom(await room.services.store.loadTimeline(code));
    if (!settings.on) return;
    // Reopened while on (a restart, or everyone had left): a fresh start, as people join again.
    const snap = recorder.snapshot(await room.services.store.loadRecords(code));
    recorder.on = true;
    await room.services.store.appendTimeline(code, recorder.entry({ e: "start", snap }, room.services.now()));
    room.state.timeline.on = true;
  },
  onJoin(room, client, person) {
    recorderOf(room).joined(client.sessionId, person, room.services.now());
  },
  onLeave(room, id) {
    recorderOf(room).left(id, room.services.now());
  },
  onPersonMoved(room, id) {
    recorderOf(room).movedNow(id);
  },
  onPersonZoneChanged(room, id, _from, to) {
    recorderOf(room).zoneChanged(id, to, room.services.now());
  },
  async onDispose(room) {
    await recorderOf(room).flush();
  },
};
