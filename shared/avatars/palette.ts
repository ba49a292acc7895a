/**
 * Avatar colours: saturated enough to tell apart at a distance, each with a translated name
 * so the colour picker and the People panel can say it to a screen reader.
 */
export const AVATAR_COLORS = [
  { hex: "#2f6fde", nameKey: "color.blue" },
  { hex: "#e0662c", nameKey: "color.orange" },
  { hex: "#2e9e62", nameKey: "color.green" },
  { hex: "#c2407e", nameKey: "color.pink" },
  { hex: "#8a5cd1", nameKey: "color.purple" },
  { hex: "#1f9fa8", nameKey: "color.teal" },
  { hex: "#c9a227", nameKey: "color.yellow" },
  { hex: "#b33a3a", nameKey: "color.red" },
] as const;

export type AvatarColorIndex = number;

export function avatarHex(index: number): string {
  return AVATAR_COLORS[index]?.hex ?? AVATAR_COLORS[0].hex;
}

/**
 * The colour fewest of the people present wear (the first such in palette order), for someone who
 * did not choose one: random defaults put two blues side by side in a room of five.
 */
export function leastWornColor(worn: Iterable<number>): AvatarColorIndex {
  const counts = AVATAR_COLORS.map(() => 0);
  for (const index of worn) if (index >= 0 && index < counts.length) counts[index]! += 1;
  return counts.indexOf(Math.min(...counts));
}
