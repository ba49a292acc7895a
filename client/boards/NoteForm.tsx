import { useId, useState, type FormEvent } from "react";
import { SwatchPicker } from "../ui/SwatchPicker";
import { NOTE_COLORS, NOTE_TEXT_MAX, noteHex } from "../../shared/boards/basics";
import { useT } from "../i18n/locale";

export interface NoteDraft {
  text: string;
  color: number;
}

/**
 * Writing or editing one note: its text (with the characters left said aloud when few remain) and
 * its colour, as radio buttons named by colour. Text is plain text everywhere it is shown.
 */
export function NoteForm(props: {
  initial?: NoteDraft;
  submitLabel: string;
  autoFocus?: boolean;
  onSubmit(draft: NoteDraft): void;
  onCancel?(): void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(props.initial?.text ?? "");
  const [color, setColor] = useState(props.initial?.color ?? 0);
  const left = NOTE_TEXT_MAX - [...text].length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0 || left < 0) return;
    props.onSubmit({ text: text.trim(), color });
    if (!props.initial) setText("");
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("boards.noteText")}</label>
        <textarea
          id={`${id}-text`}
          className="note-form__text"
          style={{ background: noteHex(color) }}
          value={text}
          rows={3}
          maxLength={NOTE_TEXT_MAX}
          required
          autoFocus={props.autoFocus}
          aria-describedby={`${id}-left`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the note, as on a sticky-note wall; Shift+Enter is for a line break in one's head only.
            if (e.key === "Enter" && !e.shiftKey) submit(e);
          }}
        />
        <span id={`${id}-left`} className="help" aria-live={left <= 20 ? "polite" : "off"}>
          {t("boards.charsLeft", { count: left })}
        </span>
      </div>
      <SwatchPicker
        legend={t("boards.noteColor")}
        name={`${id}-color`}
        swatches={NOTE_COLORS}
        value={color}
        onChange={setColor}
      />
      <div className="dialog__actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t("boards.cancel")}
          </button>
        )}
        <button type="submit" className="button--primary" disabled={text.trim().length === 0 || left < 0}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
