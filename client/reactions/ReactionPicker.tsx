import { useEffect, useId, useRef, useState } from "react";
import { useActions } from "../actions/use-actions";
import { useT } from "../i18n/locale";
import { Icon, type IconName } from "../ui/icons";

/**
 * The reactions behind one button in the control dock: it opens a small row of them above it.
 * Escape or a click elsewhere closes it; choosing one sends it and closes it.
 */
export function ReactionPicker() {
  const t = useT();
  const id = useId();
  const { actions, context } = useActions("presence");
  const reactions = actions.filter((action) => action.id.startsWith("reaction."));
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    addEventListener("pointerdown", outside);
    root.current?.querySelector<HTMLButtonElement>(".reaction-picker__list button")?.focus();
    return () => removeEventListener("pointerdown", outside);
  }, [open]);

  if (reactions.length === 0) return null;
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="reaction-picker" ref={root} onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <button
        ref={toggle}
        type="button"
        className="dock__button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        title={t("reactions.menu")}
        onClick={() => setOpen(!open)}
      >
        <Icon name="smile" />
        <span className="dock__label">{t("reactions.menu")}</span>
      </button>
      <div
        id={`${id}-list`}
        className="reaction-picker__list"
        role="group"
        aria-label={t("reactions.menu")}
        hidden={!open}
      >
        {reactions.map((action) => (
          <button
            key={action.id}
            type="button"
            className="reaction-picker__button"
            onClick={() => {
              action.run(context);
              close();
            }}
          >
            <Icon name={action.id.slice("reaction.".length) as IconName} />
            {t(action.labelKey)}
          </button>
        ))}
      </div>
    </div>
  );
}
