import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import { useViewMode } from "../boards/view-mode";
import { ChatUnreadBadge } from "../chat/ChatPanel";
import { totalUnread, useChatStore } from "../chat/chat-store";
import { useT } from "../i18n/locale";
import { useMoveHint } from "../movement/MoveHint";
import { ReactionPicker } from "../reactions/ReactionPicker";
import { Icon } from "../ui/icons";
import { FacilitatorVoiceControls, VoiceControls } from "../voice/VoiceControls";
import { PresenceControls } from "../zones/PresenceControls";
import { NARROW_QUERY, SIDE_PANEL_ID, usePanelStore } from "./panel-store";
import { useMediaQuery } from "../ui/use-media-query";
import { NotSeatedInRoom } from "../hybrid/guards";

/** Left and right arrows move between the dock's buttons, as in any toolbar; Tab still reaches each. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")].filter(
    (button) => button.offsetParent !== null && !button.closest("[hidden]"),
  );
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[(index + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length]?.focus();
}

/** Label levels tried in turn, each first on one row and then on two, before words give way to icons. */
const LABEL_LEVELS = [
  ["full", 1],
  ["full", 2],
  ["short", 1],
  ["short", 2],
  ["mic", 1],
  ["mic", 2],
  ["icons", 1],
] as const;

/** How many rows the dock's groups took once wrapped. */
function rowsOf(dock: HTMLElement): number {
  const tops = new Set<number>();
  for (const child of dock.children)
    if ((child as HTMLElement).offsetParent) tops.add((child as HTMLElement).offsetTop);
  return tops.size;
}

/**
 * Fits the dock into its row: all labels if they fit, on one row or two (a dock that gains a button,
 * like "Return now", wraps before it loses its words), else the facilitator's buttons as icons, else
 * only the microphone keeps its words, else icons only (the names stay, for assistive technology and
 * as tooltips). Two rows only beside a wide view tall enough to spare them (a phone keeps one row). Measured, not guessed,
 * so it holds for every language and role; also tells the overlay how tall the dock is.
 */
function useFitDock(dock: RefObject<HTMLDivElement | null>) {
  useLayoutEffect(() => {
    const element = dock.current;
    const row = element?.parentElement;
    if (!element || !row) return;
    const fit = () => {
      const style = getComputedStyle(row);
      const available = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const twoRows = !matchMedia(NARROW_QUERY).matches && innerHeight >= 560;
      for (const [level, rows] of LABEL_LEVELS) {
        if (rows === 2 && !twoRows) continue;
        element.dataset.labels = level;
        if (rows === 1) {
          element.dataset.measuring = "";
          const fits = element.offsetWidth <= available;
          delete element.dataset.measuring;
          if (fits) break;
        } else if (element.scrollWidth <= element.clientWidth + 0.5 && rowsOf(element) <= 2) {
          break;
        }
      }
      element.closest<HTMLElement>(".overlay")?.style.setProperty("--dock-height", `${row.offsetHeight}px`);
    };
    fit();
    const resized = new ResizeObserver(fit);
    resized.observe(row);
    const changed = new MutationObserver(fit);
    changed.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [dock]);
}

/**
 * The one row of controls at the bottom of the view, centred under the 3D view or the 2D page: the
 * panels, the microphone (with its level) and voice settings, raise hand, reactions, the zone actions
 * and the facilitator's voice controls. On narrow screens the buttons show icons only; their names stay.
 */
export function ControlDock() {
  const t = useT();
  const panelOpen = usePanelStore((s) => s.open);
  const setPanelOpen = usePanelStore((s) => s.setOpen);
  const mode = useViewMode((s) => s.mode);
  const hintOpen = useMoveHint((s) => s.open);
  const setHintOpen = useMoveHint((s) => s.setOpen);
  // On a narrow screen the sheet and the hint share the space above the dock: opening the sheet (the
  // work) puts the hint (a reminder, one press away) aside.
  const narrow = useMediaQuery(NARROW_QUERY);
  const dock = useRef<HTMLDivElement>(null);
  useFitDock(dock);
  const unread = useChatStore((s) => totalUnread(s.unread));
  return (
    <div ref={dock} className="dock" role="toolbar" aria-label={t("dock.label")} onKeyDown={moveFocus}>
      <div className="dock__group">
        <button
          type="button"
          className="dock__button dock__button--icon"
          aria-expanded={panelOpen}
          aria-controls={panelOpen ? SIDE_PANEL_ID : undefined}
          aria-label={[panelOpen ? t("panel.hide") : t("panel.show"), unread ? t("chat.unread", { count: unread }) : ""]
            .filter(Boolean)
            .join(", ")}
          title={panelOpen ? t("panel.hide") : t("panel.show")}
          onClick={() => {
            if (!panelOpen && narrow) setHintOpen(false);
            setPanelOpen(!panelOpen);
          }}
          data-dock="panel"
        >
          <Icon name="panel" />
          <ChatUnreadBadge />
        </button>
        {mode === "3d" && (
          <button
            type="button"
            className="dock__button dock__button--icon"
            aria-expanded={hintOpen}
            aria-label={t("hint.show")}
            title={t("hint.show")}
            onClick={() => setHintOpen(!hintOpen)}
            data-dock="hint"
          >
            <Icon name="help" />
          </button>
        )}
      </div>
      <NotSeatedInRoom>
        <VoiceControls />
      </NotSeatedInRoom>
      <div className="dock__group">
        <PresenceControls />
        <ReactionPicker />
      </div>
      <FacilitatorVoiceControls />
    </div>
  );
}
