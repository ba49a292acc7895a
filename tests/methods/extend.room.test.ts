import { describe, expect, it } from "vitest";
import type { MethodsState } from "../../shared/protocol";
import { sendCommand } from "../../shared/protocol/send";
import { templatePlan } from "../../shared/methods/templates";
import { PLAN_LIMITS } from "../../shared/methods/plan";
import { type SdkSessionRoom } from "../support/server";
import { hostAndGuests, refusal, useTestServer } from "../support/rooms";
import { toldAfter } from "../support/methods-server";

const server = useTestServer();

/** Sends a command and resolves with the first methods.state `room` is then told that passes `test`. */
const after = (room: SdkSessionRoom, send: () => void, test: (s: MethodsState) => boolean) =>
  toldAfter(room, send, test, 3000);

describe("extending a step", () => {
  it("adds time for the facilitator only, to the step they saw, and never past the longest step", async () => {
    const { host, guests } = await hostAndGuests(server, ["Anna", "Ben"]);
    // Every client hears every change; these two only listen when a step asks them to.
    for (const room of [host, ...guests]) room.onMessage("methods.state", () => {});
    const anna = guests[0]!;
    let n = 0;
    const plan = templatePlan("oneTwoFourAll", "en", () => `x${++n}`);

    // Before a plan and before its first step there is nothing to extend.
    expect(await refusal(host, "methods.step.extend", { from: -1, minutes: 1 })).toMatchObject({ code: "not_found" });
    await after(
      host,
      () => sendCommand(host, "methods.plan.save", { plan }),
      (s) => s.plan !== null,
    );
    expect(await refusal(host, "methods.step.extend", { from: -1, minutes: 1 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.issue.noSuchStep",
    });

    const started = await after(
      anna,
      () => sendCommand(host, "methods.step.next", { from: -1 }),
      (s) => s.step === 0,
    );
    expect(started.endsAt).toBe(started.startedAt! + plan.steps[0]!.durationSeconds * 1000);

    // A participant cannot extend, and the step is unchanged.
    expect(await refusal(anna, "methods.step.extend", { from: 0, minutes: 5 })).toMatchObject({
      code: "forbidden",
      command: "methods.step.extend",
    });
    // Bad shapes are refused before any rule runs.
    for (const minutes of [0, -1, 1.5, 31, "5"]) {
      expect(await refusal(host, "methods.step.extend", { from: 0, minutes })).toMatchObject({
        code: "invalid_payload",
      });
    }

    // Everyone is told the new end: +1, then +5.
    const once = await after(
      anna,
      () => sendCommand(host, "methods.step.extend", { from: 0, minutes: 1 }),
      (s) => s.endsAt !== started.endsAt,
    );
    expect(once.endsAt).toBe(started.endsAt! + 60_000);
    expect(once.startedAt).toBe(started.startedAt);
    const twice = await after(
      anna,
      () => sendCommand(host, "methods.step.extend", { from: 0, minutes: 5 }),
      (s) => s.endsAt !== once.endsAt,
    );
    expect(twice.endsAt).toBe(started.endsAt! + 6 * 60_000);

    // An Extend pressed for a step that has since ended does not lengthen the next one.
    const pairs = await after(
      anna,
      () => sendCommand(host, "methods.step.next", { from: 0 }),
      (s) => s.step === 1,
    );
    expect(await refusal(host, "methods.step.extend", { from: 0, minutes: 5 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.stale",
    });
    expect(pairs.endsAt).toBe(pairs.startedAt! + plan.steps[1]!.durationSeconds * 1000);

    // A step can be extended up to the longest a step may last, and no further.
    const room = plan.steps[1]!.durationSeconds;
    const presses = Math.floor((PLAN_LIMITS.duration.max - room) / (30 * 60));
    let last = pairs;
    for (let i = 0; i < presses; i++) {
      const before = last.endsAt;
      last = await after(
        host,
        () => sendCommand(host, "methods.step.extend", { from: 1, minutes: 30 }),
        (s) => s.endsAt !== before,
      );
    }
    expect(last.endsAt! - last.startedAt!).toBe((room + presses * 30 * 60) * 1000);
    expect(await refusal(host, "methods.step.extend", { from: 1, minutes: 30 })).toMatchObject({
      code: "invalid_payload",
      detail: "methods.issue.extendTooLong",
    });

    // Back to the step before: it keeps the time it was given.
    const back = await after(
      anna,
      () => sendCommand(host, "methods.step.back", { from: 1 }),
      (s) => s.step === 0,
    );
    expect(back.endsAt).toBe(twice.endsAt);
    await Promise.all([host.leave(), ...guests.map((g) => g.leave())]);
  });
});
