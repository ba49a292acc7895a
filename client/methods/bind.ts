import type { BindingContext } from "../session/binding";
import { useMethodsStore } from "./methods-store";

/**
 * Follows the session's plan: the server tells each person where the run is on every change, and
 * this asks once on connecting and again after a reconnection (a change during the drop was missed).
 * A refused methods command is kept so the facilitator's panel can say why beside the buttons.
 */
export function bindMethods({ room, connection }: BindingContext): () => void {
  const offState = connection.on("methods.state", (state) => useMethodsStore.setState({ state, refusal: null }));
  const offError = connection.on("error", (error) => {
    if (!error.command?.startsWith("methods.")) return;
    useMethodsStore.setState({ refusal: { command: error.command, code: error.code, detail: error.detail ?? null } });
  });
  const sync = () => connection.send("methods.sync", {});
  sync();
  room.onReconnect(sync);
  return () => {
    offState();
    offError();
    room.onReconnect.remove(sync);
    useMethodsStore.setState({ state: null, refusal: null });
  };
}
