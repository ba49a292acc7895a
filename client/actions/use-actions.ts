import { useEffect, useMemo } from "react";
import { isTypingTarget } from "../movement/keyboard";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { allActions } from "./actions";
import type { ActionContext, ClientAction } from "./registry";

/** The actions visible to this person right now, with the context to run them. */
export function useActions(group?: ClientAction["group"]): { actions: ClientAction[]; context: ActionContext } {
  const connection = useConnection();
  const self = useSelf();
  const context = useMemo(() => ({ connection, self }), [connection, self]);
  const actions = allActions.filter((a) => (!group || a.group === group) && (a.visible?.(context) ?? true));
  return { actions, context };
}

/** Runs an action when its shortcut key is pressed outside text fields. */
export function useActionShortcuts(): void {
  const { actions, context } = useActions();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const action = actions.find((a) => a.shortcut === event.code);
      if (!action) return;
      event.preventDefault();
      action.run(context);
    };
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, [actions, context]);
}
