import type { BindingContext } from "../session/binding";
import { syncScreen } from "./screen-store";

/** Mirrors the presentation screen once per patch (cheap when nothing changed). */
export function bindScreen({ room }: BindingContext): void {
  room.onStateChange((state) => syncScreen(state));
}
