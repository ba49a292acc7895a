import { describe, expect, it } from "vitest";
import {
  KEY_ROWS,
  charsLeft,
  initialKeyboard,
  isSendable,
  keyId,
  pressKey,
  type KeyboardKey,
  type KeyboardState,
} from "../../client/xr/note-keyboard";
import { NOTE_TEXT_MAX } from "../../shared/boards/model";
import { noteTextSchema } from "../../shared/protocol/boards";

const key = (id: string): KeyboardKey => {
  const found = KEY_ROWS.flat().find((k) => keyId(k) === id);
  if (!found) throw new Error(`no key ${id}`);
  return found;
};

/** Presses keys in order ("space", "shift"… by id, anything else one character key each). */
function type(state: KeyboardState, ...ids: string[]): { state: KeyboardState; submitted: boolean } {
  let submitted = false;
  for (const id of ids) {
    const result = pressKey(state, key(id));
    state = result.state;
    submitted ||= result.submit;
  }
  return { state, submitted };
}
const letters = (word: string) => [...word];

describe("the in-VR note keyboard", () => {
  it("has Finnish and Swedish letters, digits, punctuation and the editing keys, each once", () => {
    const ids = KEY_ROWS.flat().map(keyId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [..."åäö0123456789qz,.-?!", "space", "backspace", "shift", "enter"]) expect(ids).toContain(id);
  });

  it("starts a note with a capital, then writes lower case; shift gives one capital", () => {
    const { state } = type(initialKeyboard(), ...letters("hyvä"), "space", "shift", ...letters("idea"));
    expect(state.text).toBe("Hyvä Idea");
    expect(state.shift).toBe(false);
  });

  it("turns shift off again when pressed twice, and capitalises after a full stop", () => {
    const { state } = type(initialKeyboard(), "shift", "ö", ".", "space", "å");
    expect(state.text).toBe("ö. Å");
  });

  it("erases one character at a time, including å ä ö, and starts with a capital again when empty", () => {
    let { state } = type(initialKeyboard(), ...letters("säö"));
    expect(state.text).toBe("Säö");
    state = type(state, "backspace").state;
    expect(state.text).toBe("Sä");
    state = type(state, "backspace", "backspace").state;
    expect(state).toEqual({ text: "", shift: true });
    // Erasing nothing changes nothing.
    expect(type(state, "backspace").state).toEqual(state);
  });

  it("keeps single spaces only, none at the start, as the server would store them", () => {
    const { state } = type(initialKeyboard(), "space", "a", "space", "space", "b");
    expect(state.text).toBe("A b");
  });

  it("types nothing beyond the note length limit, and the limit is the protocol's", () => {
    let state = initialKeyboard("x".repeat(NOTE_TEXT_MAX - 1));
    expect(charsLeft(state.text)).toBe(1);
    state = type(state, "ä").state;
    expect(charsLeft(state.text)).toBe(0);
    const full = state;
    expect(type(full, "b", "space", "1").state).toEqual(full);
    expect(noteTextSchema.safeParse(full.text).success).toBe(true);
    // The cap counts characters as a person does, not UTF-16 units.
    expect(type(initialKeyboard("ä".repeat(NOTE_TEXT_MAX)), "o").state.text).toHaveLength(NOTE_TEXT_MAX);
  });

  it("sends with Enter only when there is something to send", () => {
    expect(type(initialKeyboard(), "enter").submitted).toBe(false);
    expect(type(initialKeyboard(), "space", "enter").submitted).toBe(false);
    expect(isSendable("")).toBe(false);
    const { state, submitted } = type(initialKeyboard(), "o", "k", "enter");
    expect(submitted).toBe(true);
    expect(state.text).toBe("Ok");
  });

  it("edits an existing note from its end", () => {
    const { state } = type(initialKeyboard("Kahvi"), "backspace", "a");
    expect(state.text).toBe("Kahva");
  });

  it("takes another length and another rule for sending (the marketplace's topic keyboard)", () => {
    let state = initialKeyboard("abc");
    state = pressKey(state, key("d"), 4).state;
    expect(state.text).toBe("abcd");
    expect(pressKey(state, key("e"), 4).state.text).toBe("abcd");
    expect(pressKey(state, key("enter"), 4, () => false).submit).toBe(false);
    expect(pressKey(state, key("enter"), 4, (text) => text === "abcd").submit).toBe(true);
  });
});
