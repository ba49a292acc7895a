import "./zones.css";
import { useActions } from "../actions/use-actions";
import { useT } from "../i18n/locale";
import { useZonesStore } from "./zones-store";

function shortcutLabel(code: string): string {
  return code.replace(/^Key/, "");
}

/**
 * The person's own quick actions under the view (raise hand, we're done, come back, follow),
 * the same entries as the keyboard shortcuts and the VR menu, shown as toggle buttons.
 */
export function PresenceBar() {
  const t = useT();
  // Subscribed so the bar updates when a zone's ready flag, a recall or "follow me" changes.
  useZonesStore((s) => s.zones);
  useZonesStore((s) => s.recallEndsAt);
  useZonesStore((s) => s.followLeader);
  const presence = useActions("presence");
  const actions = presence.actions;
  if (actions.length === 0) return null;
  return (
    <div className="presence-bar" role="toolbar" aria-label={t("zones.toolbar")}>
      {actions.map((action) => {
        const pressed = action.pressed?.(presence.context);
        return (
          <button
            key={action.id}
            type="button"
            data-action={action.id}
            className={pressed ? "presence-bar__button presence-bar__button--on" : "presence-bar__button"}
            aria-pressed={action.pressed ? pressed : undefined}
            aria-keyshortcuts={action.shortcut ? shortcutLabel(action.shortcut) : undefined}
            onClick={() => action.run(presence.context)}
          >
            {t(action.labelKey)}
            {action.shortcut && <kbd>{shortcutLabel(action.shortcut)}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
