import { useEffect, useSyncExternalStore } from "react";
import type * as TroikaModule from "troika-three-text";
import { configureFonts } from "./fonts";
import { afterRoomShown } from "../space/room-shown";

export type Troika = typeof TroikaModule;

/**
 * troika-three-text (3D text, with its bidi and SDF code about 44 KB gzipped) loads once the room has
 * been drawn with the people in it, not before: a person needs to see the room and the others in the
 * first second; names and labels follow a moment later.
 */
let loaded: Troika | null = null;
let loading: Promise<Troika> | null = null;
/** Components that wait for the module: while any does and it is not here, texts count as being typeset. */
let waiting = 0;
const listeners = new Set<() => void>();

export function loadTroika(): Promise<Troika> {
  loading ??= import("troika-three-text").then((troika) => {
    configureFonts(troika);
    loaded = troika;
    for (const listener of listeners) listener();
    return troika;
  });
  return loading;
}

/** Whether some 3D text waits for troika to arrive (see SpaceInspector.textsTypesetting). */
export function troikaAwaited(): boolean {
  return loaded === null && waiting > 0;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// Once everyone in sight has been drawn (the avatars say so).
afterRoomShown(() => void loadTroika());

/** A page where no one is ever placed (a coach in an empty session) gets its texts this long after asking. */
const AT_THE_LATEST_MS = 5000;

/** troika once it has loaded, else null (it loads once the room is shown, or at the latest). */
export function useTroika(): Troika | null {
  const troika = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    if (loaded) return;
    waiting++;
    const latest = setTimeout(() => void loadTroika(), AT_THE_LATEST_MS);
    return () => {
      waiting--;
      clearTimeout(latest);
    };
  }, []);
  return troika;
}
