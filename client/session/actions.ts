import { defineAction } from "../actions/registry";

export const sessionActions = [
  defineAction({
    id: "session.leave",
    labelKey: "session.leave",
    group: "session",
    run: ({ connection }) => void connection.leave(),
  }),
];
