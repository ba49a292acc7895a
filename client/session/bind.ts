import type { BindingContext } from "./binding";
import { useSessionStore } from "./session-store";

/** The session's own part of the state: its title. */
export function bindSession({ $ }: BindingContext): void {
  $.listen("title", (title) => useSessionStore.setState({ title }));
}
