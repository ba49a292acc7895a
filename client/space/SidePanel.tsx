import { Suspense, useEffect, useId, type KeyboardEvent } from "react";
import { useT } from "../i18n/locale";
import { useSelf } from "../session/session-store";
import { Icon } from "../ui/icons";
import { useMediaQuery } from "../ui/use-media-query";
import { NARROW_QUERY, SIDE_PANEL_ID, usePanelStore } from "./panel-store";
import { sidePanelTabs } from "./side-panels";
import { useViewMode } from "../boards/view-mode";

/** Narrow screens (phones): the panel is a bottom sheet and its tabs run across its top. */

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The HTML side panel beside the 3D view (a bottom sheet on phones), with one tab per capability:
 * a vertical rail of icon-and-label tabs, or a row that scrolls sideways on a narrow screen. WAI-ARIA
 * tabs: arrow keys, Home and End move between tabs. Everything in it is reachable without moving in 3D.
 * Opened and closed from the control dock (`usePanelStore`).
 */
export function SidePanel() {
  const t = useT();
  const self = useSelf();
  const baseId = useId();
  const open = usePanelStore((s) => s.open);
  const narrow = useMediaQuery(NARROW_QUERY);
  const mode = useViewMode((s) => s.mode);
  const tabs = sidePanelTabs.filter((tab) => (tab.visibleTo?.(self) ?? true) && (mode === "3d" || !tab.only3D));
  const activeId = usePanelStore((s) => s.tab);
  const setActiveId = usePanelStore((s) => s.setTab);
  const active = tabs.find((tab) => tab.id === activeId) ?? tabs[0];

  // The chosen tab stays in sight when the row scrolls sideways.
  useEffect(() => {
    if (!active || !open) return;
    // By hand, not scrollIntoView: that would also scroll the fixed layout around the panel.
    const tab = document.getElementById(`${baseId}-tab-${active.id}`);
    const list = tab?.parentElement;
    if (!tab || !list) return;
    if (tab.offsetLeft < list.scrollLeft) list.scrollLeft = tab.offsetLeft;
    else if (tab.offsetLeft + tab.offsetWidth > list.scrollLeft + list.clientWidth)
      list.scrollLeft = tab.offsetLeft + tab.offsetWidth - list.clientWidth;
    if (tab.offsetTop < list.scrollTop) list.scrollTop = tab.offsetTop;
    else if (tab.offsetTop + tab.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = tab.offsetTop + tab.offsetHeight - list.clientHeight;
  }, [active, open, baseId, narrow]);

  if (!open || !active) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(active);
    const step = NEXT_KEYS[event.key];
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : step !== undefined ? index + step : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setActiveId(tab.id);
    document.getElementById(`${baseId}-tab-${tab.id}`)?.focus();
  };

  return (
    <aside className="panel" id={SIDE_PANEL_ID} aria-label={t("panel.label")}>
      <div
        role="tablist"
        aria-label={t("panel.label")}
        aria-orientation={narrow ? "horizontal" : "vertical"}
        className="tabs"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${baseId}-tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === active.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab.id === active.id ? 0 : -1}
            onClick={() => setActiveId(tab.id)}
          >
            <Icon name={tab.icon} />
            <span className="tab__label">{t(tab.labelKey)}</span>
            {tab.Badge && <tab.Badge />}
          </button>
        ))}
      </div>
      <div
        className="panel__body"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${active.id}`}
        tabIndex={0}
      >
        <Suspense fallback={<p role="status">{t("panel.loading")}</p>}>
          <active.Panel />
        </Suspense>
      </div>
    </aside>
  );
}
