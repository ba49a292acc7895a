import { AVATAR_COLORS } from "../../shared/avatars/palette";

const KEY = "yhteistila.profile";

export interface SavedProfile {
  name: string;
  /** Undefined until the person picks one: the server then gives a colour nobody present wears yet. */
  color: number | undefined;
  organisation: string;
}

/** The name, colour and organisation last used in this browser, so rejoining is one click. */
export function loadProfile(): SavedProfile {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<SavedProfile> | null;
    const color =
      Number.isInteger(saved?.color) && saved!.color! >= 0 && saved!.color! < AVATAR_COLORS.length
        ? saved!.color!
        : undefined;
    const organisation = typeof saved?.organisation === "string" ? saved.organisation : "";
    return { name: typeof saved?.name === "string" ? saved.name : "", color, organisation };
  } catch {
    return { name: "", color: undefined, organisation: "" };
  }
}

export function saveProfile(profile: SavedProfile): void {
  localStorage.setItem(KEY, JSON.stringify(profile));
}

const PERSON_KEY = "yhteistila.personKey";

/**
 * A random key kept in this browser so the server knows us again after a lost connection or its own
 * restart: our notes stay ours and our dots stay counted. It is not an account and names no one;
 * the server keeps only a hash of it, different in every session.
 */
export function personKey(): string {
  let key = localStorage.getItem(PERSON_KEY);
  if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    key = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    localStorage.setItem(PERSON_KEY, key);
  }
  return key;
}
