import { defineAction, type ActionContext } from "../actions/registry";
import { clearMethodsRefusal, useMethodsStore } from "./methods-store";

/**
 * Running the plan as actions: Next, Back and Extend. The Method tab's buttons and the in-VR
 * Facilitate page both run these, so a press sends the same message from either: with the step the
 * facilitator saw (`from`), which the server checks so a late or doubled press never skips a step.
 */

const run = () => useMethodsStore.getState().state;
const facilitates = ({ self }: ActionContext) => self?.role === "facilitator";

/** Sends Next for the step this person last saw. */
export function nextStep({ connection }: Pick<ActionContext, "connection">): void {
  const state = run();
  if (!state) return;
  clearMethodsRefusal();
  connection.send("methods.step.next", { from: state.step });
}

export function previousStep({ connection }: Pick<ActionContext, "connection">): void {
  const state = run();
  if (!state || state.step < 0) return;
  clearMethodsRefusal();
  connection.send("methods.step.back", { from: state.step });
}

export function extendStep({ connection }: Pick<ActionContext, "connection">, minutes: 1 | 5): void {
  const state = run();
  if (!state || state.step < 0) return;
  clearMethodsRefusal();
  connection.send("methods.step.extend", { from: state.step, minutes });
}

/** A plan with a step after the current one. */
const hasNext = () => {
  const state = run();
  return state !== null && state.steps > 0 && state.step < state.steps - 1;
};
const running = () => (run()?.step ?? -1) >= 0;

export const methodsActions = [
  defineAction({
    id: "methods.next",
    labelKey: "methods.panel.next",
    group: "facilitation",
    visible: (ctx) => facilitates(ctx) && hasNext(),
    run: nextStep,
  }),
  defineAction({
    id: "methods.extendOne",
    labelKey: "methods.action.extendOne",
    group: "facilitation",
    visible: (ctx) => facilitates(ctx) && running(),
    run: (ctx) => extendStep(ctx, 1),
  }),
  defineAction({
    id: "methods.extendFive",
    labelKey: "methods.action.extendFive",
    group: "facilitation",
    visible: (ctx) => facilitates(ctx) && running(),
    run: (ctx) => extendStep(ctx, 5),
  }),
  defineAction({
    id: "methods.back",
    labelKey: "methods.panel.back",
    group: "facilitation",
    visible: (ctx) => facilitates(ctx) && running(),
    run: previousStep,
  }),
];
