import { REACTIONS } from "../../shared/protocol/constants";
import { hasPermission } from "../../shared/session/roles";
import { defineAction } from "../actions/registry";

/** One action per reaction, listed with the person's own actions (HTML menus and the in-VR menu). */
export const reactionActions = REACTIONS.map((kind) =>
  defineAction({
    id: `reaction.${kind}`,
    labelKey: `reactions.${kind}`,
    group: "presence",
    visible: ({ self }) => self !== undefined && hasPermission(self.role, "member"),
    run: ({ connection }) => connection.send("reaction.send", { kind }),
  }),
);
