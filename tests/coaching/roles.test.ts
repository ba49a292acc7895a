import { describe, expect, it } from "vitest";
import { ROLES } from "../../shared/protocol";
import { hasPermission, type Permission } from "../../shared/session/roles";
import { isCoach, receivesWhispers, seesObservations } from "../../shared/coaching/rules";

const PERMISSIONS: Permission[] = ["reader", "anyone", "member", "facilitator", "coach"];

describe("the role rule", () => {
  it("lets a coach read and send their own messages, and nothing that changes the room", () => {
    const allowed = PERMISSIONS.filter((p) => hasPermission("coach", p));
    expect(allowed).toEqual(["reader", "coach"]);
  });

  it("keeps the coach's own messages to the coach, and leaves the other roles as they were", () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => hasPermission(role, p))]));
    expect(table).toEqual({
      facilitator: ["reader", "anyone", "member", "facilitator"],
      participant: ["reader", "anyone", "member"],
      observer: ["reader", "anyone"],
      coach: ["reader", "coach"],
    });
  });

  it("refuses an unknown role everything but reading", () => {
    expect(PERMISSIONS.filter((p) => hasPermission("admin", p))).toEqual(["reader", "anyone"]);
  });
});

describe("who hears of coaching", () => {
  it("sends whispers and observations to facilitators and coaches only", () => {
    const receivers = ROLES.filter((role) => receivesWhispers(role));
    expect(receivers).toEqual(["facilitator", "coach"]);
    expect(ROLES.filter((role) => seesObservations(role))).toEqual(["facilitator", "coach"]);
    expect(receivesWhispers(undefined)).toBe(false);
    expect(ROLES.filter(isCoach)).toEqual(["coach"]);
  });
});
