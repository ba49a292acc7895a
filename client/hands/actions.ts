import { defineAction } from "../actions/registry";

export const handsActions = [
  defineAction({
    id: "hands.raise",
    labelKey: "hands.raise",
    shortcut: "KeyH",
    group: "presence",
    visible: ({ self }) => self !== undefined && self.role !== "observer",
    pressed: ({ self }) => (self?.handRaisedAt ?? 0) > 0,
    run: ({ connection, self }) => connection.send("hands.raise", { raised: !((self?.handRaisedAt ?? 0) > 0) }),
  }),
];
