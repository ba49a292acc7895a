import "./zones.css";
import { useActions } from "../actions/use-actions";
import { useT } from "../i18n/locale";
import { Icon, type IconName } from "../ui/icons";
import { useZonesStore } from "./zones-store";

function shortcutLabel(code: string): string {
  return code.replace(/^Key/, "");
}

const ICONS: Record<string, IconName> = {
  "hands.raise": "hand",
  "zones.ready": "check",
  "zones.return": "return",
  "zones.follow": "follow",
};

/** Shown elsewhere in the dock: the microphone by the voice controls, reactions behind their own button. */
const SHOWN_ELSEWHERE = (id: string) => id === "voice.toggleMute" || id.startsWith("reaction.");

/**
 * The person's own quick actions in the control dock (raise hand, we're done, come back, follow):
 * the same entries as the keyboard shortcuts and the VR menu, shown as toggle buttons.
 */
export function PresenceControls() {
  const t = useT();
  // Subscribed so the buttons update when a zone's ready flag, a recall or "follow me" changes.
  useZonesStore((s) => s.zones);
  useZonesStore((s) => s.recallEndsAt);
  useZonesStore((s) => s.followLeader);
  const presence = useActions("presence");
  const actions = presence.actions.filter((action) => !SHOWN_ELSEWHERE(action.id));
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((action) => {
        const pressed = action.pressed?.(presence.context);
        const label = t(action.labelKey);
        const key = action.shortcut ? shortcutLabel(action.shortcut) : undefined;
        return (
          <button
            key={action.id}
            type="button"
            data-action={action.id}
            className={pressed ? "dock__button dock__button--on" : "dock__button"}
            aria-pressed={action.pressed ? pressed : undefined}
            aria-keyshortcuts={key}
            title={key ? `${label} (${key})` : label}
            onClick={() => action.run(presence.context)}
          >
            <Icon name={ICONS[action.id] ?? "check"} />
            <span className="dock__label">{label}</span>
          </button>
        );
      })}
    </>
  );
}
