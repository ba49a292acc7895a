import { create } from "zustand";

/** Whether the room is keeping the debrief timeline (everyone is shown it). */
export const useTimelineStore = create<{ on: boolean }>(() => ({ on: false }));
