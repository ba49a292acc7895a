/**
 * Who may walk into a zone. Facilitators go everywhere (they visit groups); everyone else, observers
 * included, is stopped at the edge of a locked zone, or of a full one. Leaving is always allowed:
 * nobody is ever trapped.
 */
export interface EntryZone {
  id: string;
  locked: boolean;
  /** Most participants allowed in at once; 0 means no limit. */
  capacity: number;
}

export interface EntryPerson {
  role: string;
  zone: string;
}

export type EntryRefusal = "zone_locked" | "zone_full";

/** People who count towards a zone's capacity: the participants standing in it (not facilitators or observers). */
export function occupancy(people: Iterable<EntryPerson>, zoneId: string): number {
  let count = 0;
  for (const person of people) if (person.zone === zoneId && person.role === "participant") count++;
  return count;
}

/** Whether `person` may step from their current zone into `zone`, given how many already stand there. */
export function entryRefusal(zone: EntryZone, person: EntryPerson, occupants: number): EntryRefusal | null {
  if (person.zone === zone.id || person.role === "facilitator") return null;
  if (zone.locked) return "zone_locked";
  if (zone.capacity > 0 && occupants >= zone.capacity) return "zone_full";
  return null;
}
