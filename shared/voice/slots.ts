/**
 * A listener's connection carries a fixed number of receive slots, negotiated once; the server
 * decides which speaker plays in which slot. Keeping a speaker in the same slot while they stay
 * heard means no renegotiation and no glitch when somebody else comes or goes.
 */

/** Receive slots per listener: the hearing cap plus headroom for the broadcast. */
export const VOICE_SLOTS = 9;

/**
 * New slot contents ("" = idle) for the speakers now heard: those already in a slot keep it,
 * newcomers take the free slots in order. Speakers beyond the slot count are left out.
 */
export function assignSlots(previous: readonly string[], heard: readonly string[], count = VOICE_SLOTS): string[] {
  const wanted = new Set(heard);
  const slots = Array.from({ length: count }, (_, i) => {
    const current = previous[i] ?? "";
    return current !== "" && wanted.has(current) ? current : "";
  });
  const placed = new Set(slots);
  let free = 0;
  for (const id of heard) {
    if (placed.has(id)) continue;
    while (free < count && slots[free] !== "") free++;
    if (free >= count) break;
    slots[free] = id;
    placed.add(id);
  }
  return slots;
}
