import { NOTE_TEXT_MAX } from "../../shared/boards/basics";
import { noteTextSchema } from "../../shared/protocol/boards";

/**
 * The in-VR keyboard as pure data and rules: which keys there are, and what a key press does to the
 * text being written. The panel (VRNoteKeyboard.tsx) only draws these keys and calls `pressKey`.
 */
export type KeyboardKey =
  | { kind: "char"; char: string }
  | { kind: "space" }
  | { kind: "backspace" }
  | { kind: "shift" }
  /** Adds the note, as Enter does in the desktop note form (note text is one paragraph: see README). */
  | { kind: "enter" };

export interface KeyboardState {
  text: string;
  /** The next letter comes out upper-case. */
  shift: boolean;
}

const chars = (row: string): KeyboardKey[] => [...row].map((char) => ({ kind: "char", char }));

/** A Finnish/Swedish layout (å ö ä where they sit on a Nordic keyboard), digits and the usual punctuation. */
export const KEY_ROWS: readonly (readonly KeyboardKey[])[] = [
  chars("1234567890"),
  chars("qwertyuiopå"),
  chars("asdfghjklöä"),
  [{ kind: "shift" }, ...chars("zxcvbnm,.-"), { kind: "backspace" }],
  chars("?!:;'\"()/&@"),
  [{ kind: "space" }, { kind: "enter" }],
];

/** A key's stable id (tests and the inspector find keys by it): the character itself, or its kind. */
export function keyId(key: KeyboardKey): string {
  return key.kind === "char" ? key.char : key.kind;
}

/** What a character key types right now. */
export function keyChar(key: { char: string }, shift: boolean): string {
  return shift ? key.char.toLocaleUpperCase() : key.char;
}

/** Length as the person sees it (code points), the same count as the desktop form's. */
export function textLength(text: string): number {
  return [...text].length;
}

export function charsLeft(text: string, max = NOTE_TEXT_MAX): number {
  return max - textLength(text);
}

/** Sentence case without thinking about it: upper-case at the start and after a full stop, ! or ?. */
function autoShift(text: string): boolean {
  return text === "" || /[.!?] $/.test(text);
}

export function initialKeyboard(text = ""): KeyboardState {
  return { text, shift: autoShift(text) };
}

/** Whether the text can be sent: the same rule the server applies to a note's text. */
export function isSendable(text: string): boolean {
  return noteTextSchema.safeParse(text).success;
}

/**
 * One key press. Returns the new state and whether the text should be sent now (Enter with text
 * `sendable` accepts: a note's by default; the marketplace's topic keyboard passes its own rule).
 * Nothing is typed beyond `max` characters; a space at the start or after another space is dropped,
 * since the server keeps single spaces only and what is seen here is what lands on the board.
 */
export function pressKey(
  state: KeyboardState,
  key: KeyboardKey,
  max = NOTE_TEXT_MAX,
  sendable: (text: string) => boolean = isSendable,
): { state: KeyboardState; submit: boolean } {
  const typed = (text: string) => ({ state: { text, shift: autoShift(text) }, submit: false });
  switch (key.kind) {
    case "shift":
      return { state: { ...state, shift: !state.shift }, submit: false };
    case "enter":
      return { state, submit: sendable(state.text) };
    case "backspace":
      return typed([...state.text].slice(0, -1).join(""));
    case "space":
      if (state.text === "" || state.text.endsWith(" ") || textLength(state.text) >= max)
        return { state, submit: false };
      return typed(state.text + " ");
    case "char": {
      if (textLength(state.text) >= max) return { state, submit: false };
      return typed(state.text + keyChar(key, state.shift));
    }
  }
}
