import { lazy, type ComponentType } from "react";
import type { TranslationKey } from "../../shared/i18n";
import { PeoplePanel } from "../people/PeoplePanel";
import { BoardsPanel } from "../boards/BoardsPanel";
import { ScreenPanel } from "../screen/ScreenPanel";
import { ChatPanel, ChatUnreadBadge } from "../chat/ChatPanel";
import type { PersonView } from "../session/session-store";
import type { IconName } from "../ui/icons";
import { useCoachingStore } from "../coaching/coaching-store";

/**
 * The tabs of the side panel, as data: each capability adds its panel here (People, Zones, Boards…).
 * `visibleTo` hides a tab from roles that cannot use it (the server enforces the rules regardless).
 */
export interface SidePanelTab {
  id: string;
  labelKey: TranslationKey;
  /** A glyph beside the label in the tab strip (the label always stays). */
  icon: IconName;
  Panel: ComponentType;
  /** A small count beside the label (unread chat lines), or nothing. */
  Badge?: ComponentType;
  visibleTo?(self: PersonView | undefined): boolean;
  /**
   * Shown beside the 3D view only: the 2D view is this panel already, and a second copy beside it
   * showed every form and the facilitator's tools twice.
   */
  only3D?: boolean;
}

/*
 * Panels only facilitators and coaches open load when first opened: a participant (most people in a
 * room) never downloads the plan editor, the export, the zone editor or the coaching tools.
 */
const ExportPanel = lazy(() => import("../export/ExportPanel").then((m) => ({ default: m.ExportPanel })));
const FacilitatePanel = lazy(() => import("../zones/FacilitatePanel").then((m) => ({ default: m.FacilitatePanel })));
const ZonesPanel = lazy(() => import("../zones/ZonesPanel").then((m) => ({ default: m.ZonesPanel })));
const MethodPanel = lazy(() => import("../methods/MethodPanel").then((m) => ({ default: m.MethodPanel })));
const HybridPanel = lazy(() => import("../hybrid/HybridPanel").then((m) => ({ default: m.HybridPanel })));
const BalconyPanel = lazy(() => import("../coaching/BalconyPanel").then((m) => ({ default: m.BalconyPanel })));
const CoachingPanel = lazy(() => import("../coaching/CoachingPanel").then((m) => ({ default: m.CoachingPanel })));

const facilitatorsOnly = (self: PersonView | undefined) => self?.role === "facilitator";

export const sidePanelTabs: readonly SidePanelTab[] = [
  { id: "people", icon: "people", labelKey: "people.heading", Panel: PeoplePanel },
  { id: "boards", icon: "boards", labelKey: "boards.tab", Panel: BoardsPanel, only3D: true },
  { id: "screen", icon: "screen", labelKey: "screen.tab", Panel: ScreenPanel },
  {
    id: "export",
    icon: "export",
    labelKey: "export.tab",
    Panel: ExportPanel,
    visibleTo: (self) => self?.role === "facilitator",
  },
  { id: "chat", icon: "chat", labelKey: "chat.tab", Panel: ChatPanel, Badge: ChatUnreadBadge },
  {
    id: "facilitate",
    icon: "facilitate",
    labelKey: "breakout.tab",
    Panel: FacilitatePanel,
    visibleTo: facilitatorsOnly,
  },
  { id: "zones", icon: "zones", labelKey: "zones.tab", Panel: ZonesPanel, visibleTo: facilitatorsOnly },
  { id: "method", icon: "method", labelKey: "methods.tab", Panel: MethodPanel, visibleTo: facilitatorsOnly },
  { id: "hybrid", icon: "table", labelKey: "hybrid.tab", Panel: HybridPanel, visibleTo: facilitatorsOnly },
  {
    id: "balcony",
    icon: "zones",
    labelKey: "balcony.tab",
    Panel: BalconyPanel,
    visibleTo: (self) => self?.role === "facilitator" || useCoachingStore.getState().isCoach,
  },
  {
    id: "coaching",
    icon: "chat",
    labelKey: "coaching.tab",
    Panel: CoachingPanel,
    // A coach has no entry among the people; their page knows it joined with a coach link.
    visibleTo: (self) => self?.role === "facilitator" || useCoachingStore.getState().isCoach,
  },
];
