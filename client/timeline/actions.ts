import { defineAction } from "../actions/registry";
import { useCoachingStore } from "../coaching/coaching-store";
import { useSessionStore } from "../session/session-store";
import { readsTimeline } from "../../shared/timeline/rules";
import { useTimelineStore } from "./timeline-store";
import { debriefPath } from "../app/route";

export const timelineMenuActions = [
  defineAction({
    id: "timeline.toggle",
    labelKey: "timeline.menuOn",
    group: "session",
    visible: ({ self }) => self?.role === "facilitator",
    pressed: () => useTimelineStore.getState().on,
    run: ({ connection }) => connection.send("timeline.set", { on: !useTimelineStore.getState().on }),
  }),
  defineAction({
    id: "timeline.debrief",
    labelKey: "timeline.menuDebrief",
    group: "session",
    visible: ({ self }) => readsTimeline(useCoachingStore.getState().isCoach ? "coach" : self?.role),
    // A tab of its own: the room stays open while the debrief is read.
    run: () => void window.open(debriefPath(useSessionStore.getState().code), "_blank", "noopener"),
  }),
];
