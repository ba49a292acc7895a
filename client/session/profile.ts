import { AVATAR_COLORS } from "../../shared/avatars/palette";

const KEY = "yhteistila.profile";

export interface SavedProfile {
  name: string;
  color: number;
  organisation: string;
}

/** The name, colour and organisation last used in this browser, so rejoining is one click. */
export function loadProfile(): SavedProfile {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<SavedProfile> | null;
    const color =
      Number.isInteger(saved?.color) && saved!.color! < AVATAR_COLORS.length ? saved!.color! : randomColor();
    const organisation = typeof saved?.organisation === "string" ? saved.organisation : "";
    return { name: typeof saved?.name === "string" ? saved.name : "", color, organisation };
  } catch {
    return { name: "", color: randomColor(), organisation: "" };
  }
}

export function saveProfile(profile: SavedProfile): void {
  localStorage.setItem(KEY, JSON.stringify(profile));
}

function randomColor(): number {
  return Math.floor(Math.random() * AVATAR_COLORS.length);
}
