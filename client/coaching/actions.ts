import { defineAction } from "../actions/registry";
import { useCoachingStore } from "./coaching-store";

export const coachingMenuActions = [
  defineAction({
    id: "coaching.link",
    labelKey: "coaching.menu",
    group: "session",
    visible: ({ self }) => self?.role === "facilitator",
    run: () => useCoachingStore.setState({ linkDialogOpen: true }),
  }),
];
