import { AVATAR_COLORS } from "../../shared/avatars/palette";

const KEY = "yhteistila.profile";

export interface SavedProfile {
  name: string;
  color: number;
}

/** The name and colour last used in this browser, so rejoining is one click. */
export function loadProfile(): SavedProfile {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<SavedProfile> | null;
    const color =
      Number.isInteger(saved?.color) && saved!.color! < AVATAR_COLORS.length ? saved!.color! : randomColor();
    return { name: typeof saved?.name === "string" ? saved.name : "", color };
  } catch {
    return { name: "", color: randomColor() };
  }
}

export function saveProfile(profile: SavedProfile): void {
  localStorage.setItem(KEY, JSON.stringify(profile));
}

function randomColor(): number {
  return Math.floor(Math.random() * AVATAR_COLORS.length);
}
