import { receivesWhispers } from "../../shared/coaching/rules";
import { SPEAKING_REPORT_MS, zoneSpeaking, type SpeakingMember } from "../../shared/coaching/speaking";
import type { RoomApi } from "../commands/registry";
import type { RoomModule } from "../session/module";
import { recorderOf } from "../timeline/recorder";
import { voiceRooms } from "../voice/commands";
import { roleOf } from "./commands";

/** One room's speaking time: ms per zone and person, when each entered their zone, organisations seen. */
interface Tally {
  spoken: Map<string, Map<string, number>>;
  since: Map<string, number>;
  organisations: Map<string, string>;
  /** Where each person was when the engine's current count began (the previous collection). */
  zoneAt: Map<string, string>;
  collecting: boolean;
}

const tallies = new WeakMap<RoomApi, Tally>();

/** Ms of speech counted so far per person in one zone (for tests and diagnostics). */
export function spokenInZone(room: RoomApi, zone: string): ReadonlyMap<string, number> {
  return tallies.get(room)?.spoken.get(zone) ?? new Map();
}

/** Who gets the per-person figures: those who get whispers (facilitators and coaches), nobody else. */
function recipients(room: RoomApi) {
  const ids = [...room.state.people.keys(), ...room.coaches.keys()];
  return ids.filter((id) => receivesWhispers(roleOf(room, id))).map((id) => room.clientById(id));
}

/**
 * Collects the engine's speech counts and tells the facilitators and coaches every zone's shares.
 * Each count covers the time since the previous collection and is credited to the zone the speaker
 * was in when it began, so words said before walking into a group never count in it; words said in
 * the seconds (at most SPEAKING_REPORT_MS) after a move count in the zone just left.
 */
async function collect(room: RoomApi, tally: Tally): Promise<void> {
  const engine = voiceRooms.get(room)?.engine;
  if (!engine?.speech || tally.collecting) return;
  tally.collecting = true;
  const zoneAt = tally.zoneAt;
  tally.zoneAt = new Map();
  room.state.people.forEach((person, id) => tally.zoneAt.set(id, person.zone));
  try {
    const counts = await engine.speech();
    const byZone = new Map<string, Map<string, number>>();
    for (const [id, ms] of counts) {
      const person = room.state.people.get(id);
      if (!person || person.role === "observer") continue;
      // Muted now: their microphone sends nothing, but a gateway that measured them talking just
      // before (Janus's talking events) never saw them stop. Words in the seconds before muting are lost.
      if (room.state.voice.people.get(id)?.muted !== false) continue;
      const where = zoneAt.get(id) ?? person.zone;
      let zone = tally.spoken.get(where);
      if (!zone) tally.spoken.set(where, (zone = new Map()));
      zone.set(id, (zone.get(id) ?? 0) + ms);
      const organisations = byZone.get(where) ?? new Map<string, number>();
      const organisation = person.organisation.trim();
      organisations.set(organisation, (organisations.get(organisation) ?? 0) + ms);
      byZone.set(where, organisations);
    }
    logSpeech(room, byZone);
  } catch {
    return; // The engine failed; voice reports it. The balcony simply keeps its last figures.
  } finally {
    tally.collecting = false;
  }
  report(room, tally);
}

/** Into the debrief timeline, when a facilitator switched it on: per zone and organisation only. */
function logSpeech(room: RoomApi, byZone: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  const recorder = recorderOf(room);
  if (!recorder.on) return;
  const at = room.services.now();
  for (const [z, organisations] of byZone) recorder.push({ e: "speak", z, o: [...organisations] }, at);
}

function report(room: RoomApi, tally: Tally): void {
  const targets = recipients(room).filter((c) => c !== undefined);
  if (targets.length === 0) return;
  const members = new Map<string, SpeakingMember[]>();
  room.state.people.forEach((person, id) => {
    tally.organisations.set(id, person.organisation);
    if (person.role !== "participant") return;
    const list = members.get(person.zone) ?? [];
    list.push({ id, organisation: person.organisation, since: tally.since.get(id) ?? room.services.now() });
    members.set(person.zone, list);
  });
  const zoneIds = new Set([...members.keys(), ...tally.spoken.keys()]);
  const now = room.services.now();
  const zones = [...zoneIds].map((zone) =>
    zoneSpeaking(
      { zone, members: members.get(zone) ?? [], spokenMs: tally.spoken.get(zone) ?? new Map() },
      (id) => tally.organisations.get(id) ?? "",
      now,
    ),
  );
  for (const client of targets) client.send("coaching.speaking", { zones });
}

/**
 * Speaking time for the balcony (issue 11): counted by the voice engine from voice activity
 * (server/voice/speech.ts), shared out by shared/coaching/speaking.ts, sent only to facilitators and
 * coaches. Per-person figures live in this room's memory only, and go with it.
 */
export const speakingModule: RoomModule = {
  name: "speaking",
  setup(room) {
    const tally: Tally = {
      spoken: new Map(),
      since: new Map(),
      organisations: new Map(),
      zoneAt: new Map(),
      collecting: false,
    };
    tallies.set(room, tally);
    room.clock.setInterval(() => void collect(room, tally), SPEAKING_REPORT_MS);
  },
  onJoin(room, client) {
    tallies.get(room)?.since.set(client.sessionId, room.services.now());
  },
  onPersonZoneChanged(room, id) {
    tallies.get(room)?.since.set(id, room.services.now());
  },
  onLeave(room, id) {
    tallies.get(room)?.since.delete(id);
  },
  onDispose(room) {
    tallies.delete(room);
  },
};
