/**
 * Who may hear whom: the rule that keeps breakout groups private. The server runs it on the
 * authoritative zones and positions and forwards a speaker's audio only to the listeners it names,
 * so a person outside a zone never receives the zone's packets at all (privacy is not a volume knob).
 *
 * Pure: positions in metres, no clock, no randomness; ties are broken by id so the result is stable.
 */

/** What the rule needs to know about one person. */
export interface VoiceParticipant {
  id: string;
  /** Breakout zone id, "" for the plenary (PersonState.zone is the truth). */
  zone: string;
  /** Metres, floor plane. */
  x: number;
  z: number;
  /** Whether their microphone may be forwarded: unmuted, has a microphone, not an observer, not hushed. */
  speaking: boolean;
  /** Whether they receive voice at all (their media connection is up). */
  listening: boolean;
}

export const HEARING = {
  /** Plenary voices further than this (metres) are not forwarded at all: the cut-off. */
  rangeM: 12,
  /** Someone already heard keeps being heard until this much further, so walking on the edge does not flicker. */
  keepExtraM: 1,
  /**
   * The most voices one listener receives at once: the nearest speakers (a broadcast counts as one).
   * Chosen so a lively plenary stays intelligible and one listener's downlink stays under ~0.5 Mbit/s.
   */
  maxVoices: 8,
} as const;

/** For each listener, the speakers it may hear, most important first (broadcast, then nearest). */
export type HearingPlan = ReadonlyMap<string, readonly string[]>;

export interface HearingOptions {
  /** The facilitator speaking to every zone at once, or "" for none. */
  broadcaster?: string;
  /** Last plan, for the range hysteresis. */
  previous?: HearingPlan;
  rangeM?: number;
  keepExtraM?: number;
  maxVoices?: number;
  /**
   * Screens: a speaker's id → listeners who must not hear them at all, whatever else holds (Troika's
   * client behind the one-way glass is not heard by their consultants; they still hear them).
   */
  screens?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** True when `listener` may hear `speaker` by where they stand (broadcast and caps aside). */
export function mayHear(
  listener: VoiceParticipant,
  speaker: VoiceParticipant,
  range: number = HEARING.rangeM,
): boolean {
  if (listener.id === speaker.id) return false;
  // Same breakout zone: the whole group, whatever the distance inside it.
  if (listener.zone !== "" || speaker.zone !== "") return listener.zone === speaker.zone;
  return Math.hypot(listener.x - speaker.x, listener.z - speaker.z) <= range;
}

/**
 * Computes who hears whom. Rules, in order:
 * 1. Nobody hears themselves; only people who are `speaking` are heard, only `listening` people hear.
 * 2. A broadcaster (if speaking) is heard by every listener, in every zone and in the plenary.
 * 3. In a breakout zone, a listener hears the zone's other members and nobody else.
 * 4. In the plenary, a listener hears plenary speakers within the hearing range (plus a margin for
 *    those already heard), never anyone inside a zone.
 * 5. At most `maxVoices` speakers per listener: the broadcaster first, then the nearest.
 * 6. A screened speaker is never heard by those screened from them (options.screens), broadcast or not.
 */
export function planHearing(people: readonly VoiceParticipant[], options: HearingOptions = {}): HearingPlan {
  const range = options.rangeM ?? HEARING.rangeM;
  const keepRange = range + (options.keepExtraM ?? HEARING.keepExtraM);
  const cap = options.maxVoices ?? HEARING.maxVoices;
  const broadcaster = people.find((p) => p.id === options.broadcaster && p.speaking);
  const speakers = people.filter((p) => p.speaking);
  const plan = new Map<string, readonly string[]>();

  for (const listener of people) {
    if (!listener.listening) continue;
    const before = new Set(options.previous?.get(listener.id) ?? []);
    const candidates: { id: string; distance: number }[] = [];
    const screenedFrom = (speaker: VoiceParticipant) => options.screens?.get(speaker.id)?.has(listener.id) === true;
    for (const speaker of speakers) {
      if (speaker === broadcaster || speaker.id === listener.id || screenedFrom(speaker)) continue;
      const limit = before.has(speaker.id) ? keepRange : range;
      if (!mayHear(listener, speaker, limit)) continue;
      candidates.push({ id: speaker.id, distance: Math.hypot(listener.x - speaker.x, listener.z - speaker.z) });
    }
    candidates.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const heard: string[] = [];
    if (broadcaster && broadcaster.id !== listener.id && !screenedFrom(broadcaster)) heard.push(broadcaster.id);
    for (const candidate of candidates) {
      if (heard.length >= cap) break;
      heard.push(candidate.id);
    }
    plan.set(listener.id, heard);
  }
  return plan;
}

/** The listeners of each speaker: the same plan read the other way, as the forwarder needs it. */
export function listenersBySpeaker(plan: HearingPlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [listener, speakers] of plan) {
    for (const speaker of speakers) {
      let list = out.get(speaker);
      if (!list) out.set(speaker, (list = []));
      list.push(listener);
    }
  }
  return out;
}
