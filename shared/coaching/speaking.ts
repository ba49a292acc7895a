/**
 * Speaking time on the balcony (issue 11): who has had the floor in each zone, per person and per
 * organisation, from the server's count of speech packets (never a recording). Per-person figures
 * are live only, for facilitators and coaches; what may be stored is per zone and per organisation.
 */

/** A zone "has one voice" when one member has had more than this share of the zone's speech... */
export const DOMINANT_SHARE = 0.6;
/** ...among at least this many members present (two people splitting 70/30 is a conversation). */
export const DOMINANT_MIN_MEMBERS = 3;
/** ...and only once the zone has this much speech, so the first sentence spoken flags nobody. */
export const DOMINANT_MIN_TOTAL_MS = 60_000;
/** A member present this long without a counted word is shown as not yet heard. */
export const SILENT_AFTER_MS = 3 * 60_000;
/** How often the server collects the engine's counts and tells facilitators and coaches. */
export const SPEAKING_REPORT_MS = 5_000;

export interface SpeakingMember {
  id: string;
  organisation: string;
  /** Server time this person last entered the zone. */
  since: number;
}

/** Everything the rule needs about one zone: who is there now, and ms of speech per person there. */
export interface SpeakingZoneInput {
  zone: string;
  members: readonly SpeakingMember[];
  /** Person id → ms of speech counted while in this zone (also of people who have since left). */
  spokenMs: ReadonlyMap<string, number>;
}

export interface SpeakingShare {
  id: string;
  ms: number;
  /** 0..1 of the zone's counted speech. */
  share: number;
}

export interface OrganisationShare {
  organisation: string;
  ms: number;
  share: number;
}

export interface ZoneSpeaking {
  zone: string;
  totalMs: number;
  /** Members present now, most speech first. */
  people: SpeakingShare[];
  /** Every organisation that spoke here (people who left included), most speech first. */
  organisations: OrganisationShare[];
  /** The member who has taken most of the time (see DOMINANT_*), or "". */
  dominant: string;
  /** Members present at least SILENT_AFTER_MS without a counted word. */
  silent: string[];
}

const share = (ms: number, total: number) => (total > 0 ? ms / total : 0);

/** Speaking shares and highlights of one zone at `now`. `organisationOf` covers people who have left. */
export function zoneSpeaking(
  input: SpeakingZoneInput,
  organisationOf: (id: string) => string,
  now: number,
): ZoneSpeaking {
  let totalMs = 0;
  const byOrganisation = new Map<string, number>();
  for (const [id, ms] of input.spokenMs) {
    if (ms <= 0) continue;
    totalMs += ms;
    const organisation = organisationOf(id).trim();
    byOrganisation.set(organisation, (byOrganisation.get(organisation) ?? 0) + ms);
  }
  const people = input.members
    .map((m) => {
      const ms = input.spokenMs.get(m.id) ?? 0;
      return { id: m.id, ms, share: share(ms, totalMs) };
    })
    .sort((a, b) => b.ms - a.ms || a.id.localeCompare(b.id));
  const top = people[0];
  const dominant =
    top &&
    input.members.length >= DOMINANT_MIN_MEMBERS &&
    totalMs >= DOMINANT_MIN_TOTAL_MS &&
    top.share > DOMINANT_SHARE
      ? top.id
      : "";
  const silent = input.members
    .filter((m) => (input.spokenMs.get(m.id) ?? 0) <= 0 && now - m.since >= SILENT_AFTER_MS)
    .map((m) => m.id)
    .sort();
  const organisations = [...byOrganisation]
    .map(([organisation, ms]) => ({ organisation, ms, share: share(ms, totalMs) }))
    .sort((a, b) => b.ms - a.ms || a.organisation.localeCompare(b.organisation));
  return { zone: input.zone, totalMs, people, organisations, dominant, silent };
}

/** What may be kept in the debrief timeline: per zone and organisation, never per person. */
export function storableSpeaking(zone: ZoneSpeaking): {
  zone: string;
  totalMs: number;
  organisations: OrganisationShare[];
} {
  return { zone: zone.zone, totalMs: zone.totalMs, organisations: zone.organisations };
}

/**
 * The debrief's speaking time: each zone's speech per organisation over the timeline's `speak`
 * events (shared/timeline/log.ts), shares of that zone's total.
 */
export function loggedSpeaking(
  items: readonly { e: string; z?: string; o?: readonly (readonly [string, number])[] }[],
): Map<string, OrganisationShare[]> {
  const totals = new Map<string, Map<string, number>>();
  for (const item of items) {
    if (item.e !== "speak" || item.z === undefined || !item.o) continue;
    const zone = totals.get(item.z) ?? new Map<string, number>();
    for (const [organisation, ms] of item.o) zone.set(organisation, (zone.get(organisation) ?? 0) + ms);
    totals.set(item.z, zone);
  }
  return new Map(
    [...totals].map(([zone, organisations]) => {
      const total = [...organisations.values()].reduce((a, b) => a + b, 0);
      const shares = [...organisations]
        .map(([organisation, ms]) => ({ organisation, ms, share: share(ms, total) }))
        .sort((a, b) => b.ms - a.ms || a.organisation.localeCompare(b.organisation));
      return [zone, shares];
    }),
  );
}
