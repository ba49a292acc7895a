import type { BindingContext } from "../session/binding";
import { useTimelineStore } from "./timeline-store";

/** Follows whether the debrief timeline is kept, for the indicator everyone sees. */
export function bindTimeline({ $ }: BindingContext): () => void {
  useTimelineStore.setState({ on: false });
  $.listen("timeline", (timeline) => {
    $.listen(timeline, "on", (on) => useTimelineStore.setState({ on }));
  });
  return () => undefined;
}
