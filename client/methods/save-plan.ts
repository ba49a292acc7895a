import { MAX_MESSAGE_BYTES } from "../../shared/protocol/constants";
import type { Plan } from "../../shared/methods/plan";
import type { Translate } from "../i18n/locale";
import type { SessionConnection } from "../session/binding";
import { clearMethodsRefusal } from "./methods-store";

// Room for the message's own wrapping around the plan.
const SEND_MARGIN = 512;

/**
 * Stores a plan on the server, unless it is too large for one message (the connection would close):
 * then says so, in words, through `onError`.
 */
export function savePlan(
  connection: SessionConnection,
  plan: Plan,
  t: Translate,
  onError: (message: string) => void,
): boolean {
  const bytes = new TextEncoder().encode(JSON.stringify({ plan })).length;
  if (bytes > MAX_MESSAGE_BYTES - SEND_MARGIN) {
    onError(t("methods.panel.tooBigToSend", { kb: Math.ceil(bytes / 1024), max: MAX_MESSAGE_BYTES / 1024 - 1 }));
    return false;
  }
  clearMethodsRefusal();
  connection.send("methods.plan.save", { plan });
  return true;
}
