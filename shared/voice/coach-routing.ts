/**
 * The coach's voice (issue 11), added to the hearing plan the room already made (./routing.ts):
 * a coach listens to one chosen zone (or the plenary around the facilitator) and is never heard
 * there; while holding push-to-talk, they are heard by the facilitators and by nobody else.
 *
 * Kept apart from `planHearing` on purpose: a coach is not a person in the room, and everything a
 * coach adds to the plan is decided here, so the room's own rule stays as it is.
 * Pure: no clock, no randomness; ties are broken by id.
 */
import { HEARING, mayHear, type HearingPlan, type VoiceParticipant } from "./routing";

/** Where a coach listens: a breakout zone's id, or "" for the plenary at `x`, `z` (the facilitator's spot). */
export interface CoachSpot {
  zone: string;
  x: number;
  z: number;
}

/** What the rule needs to know about one coach. */
export interface CoachVoice {
  id: string;
  /** Their voice connection is up. */
  connected: boolean;
  /** The place they chose to listen to, or null to hear nobody. */
  listen: CoachSpot | null;
  /** Holding push-to-talk with a microphone: heard by the facilitators now. */
  whispering: boolean;
}

export interface CoachHearingOptions {
  /** Session ids of the facilitators: the only ones who may hear a coach. */
  facilitators: ReadonlySet<string>;
  maxVoices?: number;
  rangeM?: number;
}

/**
 * The room's plan with the coaches added. Rules:
 * 1. A connected coach with a chosen place hears the speakers a listener standing there would hear
 *    (a zone: its members; the plenary: those within range of the spot), the broadcaster first.
 * 2. Nobody hears a coach, except a listening facilitator while that coach whispers; the whisper
 *    comes first in the facilitator's list, ahead of the cap (it is the reason they listen now).
 * 3. Coaches never hear each other, and a coach is never a speaker anywhere else.
 * 4. People's own lists are otherwise untouched (the coach is invisible to the room).
 */
export function withCoaches(
  base: HearingPlan,
  people: readonly VoiceParticipant[],
  coaches: readonly CoachVoice[],
  broadcaster: string,
  options: CoachHearingOptions,
): HearingPlan {
  if (coaches.length === 0) return base;
  const cap = options.maxVoices ?? HEARING.maxVoices;
  const range = options.rangeM ?? HEARING.rangeM;
  const plan = new Map(base);
  const speakers = people.filter((p) => p.speaking);

  for (const coach of coaches) {
    if (!coach.connected) continue;
    const heard: string[] = [];
    if (coach.listen) {
      const spot: VoiceParticipant = { id: coach.id, ...coach.listen, speaking: false, listening: true };
      const near = speakers
        .filter((s) => s.id !== broadcaster && mayHear(spot, s, range))
        .map((s) => ({ id: s.id, distance: Math.hypot(spot.x - s.x, spot.z - s.z) }))
        .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (speakers.some((s) => s.id === broadcaster)) heard.push(broadcaster);
      for (const s of near) {
        if (heard.length >= cap) break;
        heard.push(s.id);
      }
    }
    plan.set(coach.id, heard);
  }

  const whisperers = coaches
    .filter((c) => c.connected && c.whispering)
    .map((c) => c.id)
    .sort();
  if (whisperers.length > 0) {
    for (const [listener, heard] of plan) {
      if (options.facilitators.has(listener)) plan.set(listener, [...whisperers, ...heard]);
    }
  }
  return plan;
}
