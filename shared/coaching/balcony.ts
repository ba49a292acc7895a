/**
 * The facilitator's balcony (issue 11): every zone at a glance, for facilitators and coaches, with
 * what deserves a look first. A pure rule over what the room already tells them, so the panel stays
 * thin and the highlights are tested without a network.
 */

export interface BalconyPersonInput {
  id: string;
  name: string;
  /** Zone id; "" = the plenary. */
  zone: string;
  organisation: string;
  /** Server time the hand went up; 0 = not raised. */
  handRaisedAt: number;
  /** Seated at a meeting room's table (the hybrid room) rather than walking the lab remotely. */
  atTable: boolean;
  /** Only participants are counted: facilitators visit, observers and coaches watch. */
  participant: boolean;
}

export interface BalconyZoneInput {
  id: string;
  name: string;
  ready: boolean;
  /** Milliseconds left on the zone's clock; null when no clock runs there. */
  remainingMs: number | null;
}

/** Why a zone deserves a look, most urgent first. */
export type BalconyFlag = "hands" | "time_up" | "one_voice" | "alone" | "not_heard" | "one_organisation";

/** The server's speaking-time highlights of one zone (shared/coaching/speaking.ts), when it sends them. */
export interface BalconySpeakingInput {
  /** Who has taken most of the time, or "". */
  dominant: string;
  /** Members present a while without a counted word. */
  silent: readonly string[];
}

export interface BalconyZone {
  id: string;
  name: string;
  members: { id: string; name: string; organisation: string; atTable: boolean; handUp: boolean }[];
  notes: number;
  ready: boolean;
  remainingMs: number | null;
  hands: number;
  atTables: number;
  remote: number;
  organisations: number;
  flags: BalconyFlag[];
}

const FLAG_ORDER: readonly BalconyFlag[] = ["hands", "time_up", "one_voice", "alone", "not_heard", "one_organisation"];

/**
 * One card per zone with people in it or work on its clock, in the facilitator's zone order; the
 * plenary (id "") comes last when anyone is there. Highlights: a raised hand waiting, time up
 * without the group saying it is ready, someone working alone, and a group of one organisation
 * when the room has several (cross-agency work is the point of these workshops); with speaking
 * time from the server, one voice taking most of the time and members not heard yet.
 */
export function balcony(
  zones: readonly BalconyZoneInput[],
  people: readonly BalconyPersonInput[],
  notesByZone: ReadonlyMap<string, number>,
  plenaryName: string,
  speaking: ReadonlyMap<string, BalconySpeakingInput> = new Map(),
): BalconyZone[] {
  const participants = people.filter((p) => p.participant);
  const roomOrganisations = new Set(participants.map((p) => p.organisation.trim()).filter(Boolean));
  const cards = [...zones, { id: "", name: plenaryName, ready: false, remainingMs: null }].map((zone) => {
    const members = participants
      .filter((p) => p.zone === zone.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        id: p.id,
        name: p.name,
        organisation: p.organisation,
        atTable: p.atTable,
        handUp: p.handRaisedAt > 0,
      }));
    const organisations = new Set(members.map((m) => m.organisation.trim()).filter(Boolean)).size;
    const hands = members.filter((m) => m.handUp).length;
    const atTables = members.filter((m) => m.atTable).length;
    const flags = new Set<BalconyFlag>();
    if (hands > 0) flags.add("hands");
    if (zone.id !== "" && zone.remainingMs === 0 && !zone.ready && members.length > 0) flags.add("time_up");
    if (zone.id !== "" && members.length === 1) flags.add("alone");
    if (zone.id !== "" && members.length > 1 && organisations === 1 && roomOrganisations.size > 1) {
      flags.add("one_organisation");
    }
    const spoken = speaking.get(zone.id);
    if (spoken && spoken.dominant !== "") flags.add("one_voice");
    if (spoken && members.some((m) => spoken.silent.includes(m.id))) flags.add("not_heard");
    return {
      id: zone.id,
      name: zone.name,
      members,
      notes: notesByZone.get(zone.id) ?? 0,
      ready: zone.ready,
      remainingMs: zone.remainingMs,
      hands,
      atTables,
      remote: members.length - atTables,
      organisations,
      flags: FLAG_ORDER.filter((flag) => flags.has(flag)),
    };
  });
  return cards.filter((card) => card.members.length > 0 || (card.id !== "" && card.remainingMs !== null));
}
