import { useId, useState, type KeyboardEvent } from "react";
import { useT } from "../i18n/locale";
import { useSelf } from "../session/session-store";
import { sidePanelTabs } from "./side-panels";

/**
 * The HTML side panel beside the 3D view, with one tab per capability (WAI-ARIA tabs: arrow keys move
 * between tabs). Everything in it is reachable without moving in 3D.
 */
export function SidePanel({ defaultOpen = true }: { defaultOpen?: boolean }) {
  const t = useT();
  const self = useSelf();
  const baseId = useId();
  const tabs = sidePanelTabs.filter((tab) => tab.visibleTo?.(self) ?? true);
  const [activeId, setActiveId] = useState(tabs[0]?.id ?? "");
  const [open, setOpen] = useState(defaultOpen);
  const active = tabs.find((tab) => tab.id === activeId) ?? tabs[0];

  if (!open || !active) {
    return (
      <button type="button" className="panel-toggle" onClick={() => setOpen(true)} aria-expanded={false}>
        {t("panel.show")}
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(active);
    const next = event.key === "ArrowRight" ? index + 1 : event.key === "ArrowLeft" ? index - 1 : null;
    if (next === null) return;
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setActiveId(tab.id);
    document.getElementById(`${baseId}-tab-${tab.id}`)?.focus();
  };

  return (
    <aside className="panel" aria-label={t("panel.label")}>
      <div className="panel__header">
        <div role="tablist" aria-label={t("panel.label")} className="tabs" onKeyDown={onKeyDown}>
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
              {t(tab.labelKey)}
            </button>
          ))}
        </div>
        <button type="button" className="button--quiet" onClick={() => setOpen(false)} aria-label={t("panel.hide")}>
          ✕
        </button>
      </div>
      <div
        className="panel__body"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${active.id}`}
        tabIndex={0}
      >
        <active.Panel />
      </div>
    </aside>
  );
}
