import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { SESSION_TITLE_MAX } from "../../shared/protocol/constants";
import { useT } from "../i18n/locale";
import { showToast } from "../ui/toast-store";
import { Field } from "../ui/Field";
import { useConnection } from "./connection-context";
import { useIsFacilitator, useSessionStore } from "./session-store";
import { ACCESSIBILITY_PATH, sessionPath } from "../app/route";
import { useActions } from "../actions/use-actions";

/** The leave action's id (client/session/actions.ts): the menu puts it last. */
const LEAVE = "session.leave";

function RenameDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const current = useSessionStore((s) => s.title);
  const [title, setTitle] = useState(current);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connection.send("session.rename", { title });
    onClose();
  };
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={`${id}-heading`}>
      <form onSubmit={submit}>
        <h2 id={`${id}-heading`}>{t("session.rename")}</h2>
        <Field label={t("session.renameLabel")}>
          {(control) => (
            <input
              {...control}
              value={title}
              maxLength={SESSION_TITLE_MAX}
              required
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            {t("session.cancel")}
          </button>
          <button type="submit" className="button--primary" disabled={title.trim().length === 0}>
            {t("session.save")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The session menu in the top bar: copy the link, leave, and the facilitator's session controls. */
export function SessionMenu() {
  const t = useT();
  const connection = useConnection();
  const isFacilitator = useIsFacilitator();
  const code = useSessionStore((s) => s.code);
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  // The person's own actions (microphone, hand, reactions…) are in the control dock, not repeated here.
  const { actions, context } = useActions("session");
  // Comfort settings (e.g. muting the timer's chime) are toggles kept with the session's menu.
  const comfort = useActions("comfort").actions;

  const button = useRef<HTMLButtonElement>(null);
  // Closing puts the focus back on the menu's button: the item that had it is gone, and a dialog an
  // item opens returns the focus to whatever had it when it opened.
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const run = (action: () => void) => () => {
    close();
    action();
  };
  // WAI-ARIA menu: arrows and Home/End move between items, Escape closes.
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") return close();
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "ArrowDown"
        ? index + 1
        : event.key === "ArrowUp"
          ? index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? items.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  };
  const copyLink = async () => {
    await navigator.clipboard?.writeText(`${location.origin}${sessionPath(code)}`).catch(() => undefined);
    showToast({ key: "session.linkCopied" });
  };
  const end = () => {
    if (confirm(t("session.confirmEnd"))) connection.send("session.end", {});
  };

  const actionItem = (action: (typeof actions)[number]) =>
    // A session setting that is on or off (keeping the debrief timeline) says which.
    action.pressed ? (
      <button
        key={action.id}
        type="button"
        role="menuitemcheckbox"
        aria-checked={action.pressed(context)}
        onClick={run(() => action.run(context))}
      >
        {action.pressed(context) ? "✓ " : ""}
        {t(action.labelKey)}
      </button>
    ) : (
      <button key={action.id} type="button" role="menuitem" onClick={run(() => action.run(context))}>
        {t(action.labelKey)}
      </button>
    );

  return (
    <div className="menu">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t("session.menu")} ▾
      </button>
      {open && (
        <div className="menu__list" role="menu" onKeyDown={onMenuKey}>
          <button type="button" role="menuitem" onClick={run(copyLink)} autoFocus>
            {t("session.copyLink")}
          </button>
          {isFacilitator && (
            <>
              <button type="button" role="menuitem" onClick={run(() => setRenaming(true))}>
                {t("session.rename")}
              </button>
              <button type="button" role="menuitem" className="button--danger" onClick={run(end)}>
                {t("session.end")}
              </button>
            </>
          )}
          {comfort.map((action) => (
            <button
              key={action.id}
              type="button"
              role="menuitemcheckbox"
              aria-checked={action.pressed?.(context) ?? false}
              onClick={run(() => action.run(context))}
            >
              {action.pressed?.(context) ? "✓ " : ""}
              {t(action.labelKey)}
            </button>
          ))}
          {actions.filter((action) => action.id !== LEAVE).map(actionItem)}
          {/* In a new tab: leaving this page would leave the session. */}
          <a
            role="menuitem"
            className="button"
            href={ACCESSIBILITY_PATH}
            target="_blank"
            rel="noopener"
            onClick={close}
          >
            {t("a11y.link")}
          </a>
          {/* Leaving comes last, where people look for it and away from what they meant to press. */}
          {actions.filter((action) => action.id === LEAVE).map(actionItem)}
        </div>
      )}
      {renaming && <RenameDialog onClose={() => setRenaming(false)} />}
    </div>
  );
}
