import { useEffect } from "react";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { translate } from "../../shared/i18n";
import { useLocaleStore } from "../i18n/locale";
import { showReaction } from "./reaction-store";

/** Listens for reactions: each floats above its sender in 3D and is announced as a message for everyone else. */
export function ReactionFeed() {
  const connection = useConnection();
  useEffect(
    () =>
      connection.on("reaction.shown", ({ id, kind }) => {
        showReaction(id, kind);
        const { people, selfId } = useSessionStore.getState();
        const person = people[id];
        if (!person || id === selfId) return;
        const reaction = translate(useLocaleStore.getState().locale, `reactions.${kind}`);
        showToast({ key: "reactions.shown", params: { name: person.name, reaction } });
      }),
    [connection],
  );
  return null;
}
