/** Keys that move and turn; both WASD and the arrow keys, so either hand and assistive keyboards work. */
export const MOVE_KEYS = {
  forward: ["KeyW", "ArrowUp"],
  back: ["KeyS", "ArrowDown"],
  left: ["KeyA"],
  right: ["KeyD"],
  turnLeft: ["KeyQ", "ArrowLeft"],
  turnRight: ["KeyE", "ArrowRight"],
} as const;

export type MoveAction = keyof typeof MOVE_KEYS;

/** True when a key press belongs to a text field or a menu, not to walking. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return target.closest("dialog, [role=dialog], [role=menu]") !== null;
}

/** Tracks which movement actions are held, ignoring keys typed into fields. */
export class HeldKeys {
  private readonly held = new Set<string>();

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    if (Object.values(MOVE_KEYS).some((codes) => (codes as readonly string[]).includes(event.code))) {
      this.held.add(event.code);
      // Arrow keys would otherwise scroll the page under the canvas.
      event.preventDefault();
    }
  };

  readonly onKeyUp = (event: KeyboardEvent): void => {
    this.held.delete(event.code);
  };

  /** Forget everything held when the window loses focus, or the person keeps walking forever. */
  readonly clear = (): void => {
    this.held.clear();
  };

  isHeld(action: MoveAction): boolean {
    return MOVE_KEYS[action].some((code) => this.held.has(code));
  }

  get any(): boolean {
    return this.held.size > 0;
  }
}
