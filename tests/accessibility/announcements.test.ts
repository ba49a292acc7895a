import { describe, expect, it } from "vitest";
import { announcementsBetween, handPlace, type RoomMoment } from "../../client/accessibility/announcements";

const plenary: RoomMoment = { zone: "", votes: [], handPlace: 0 };

describe("what the room announces to a screen reader", () => {
  it("says nothing on arrival, whatever the room is like", () => {
    expect(
      announcementsBetween(null, { zone: "nw", votes: [{ id: "v", boardId: "b", open: true }], handPlace: 2 }),
    ).toEqual([]);
  });

  it("says where we were moved, and when we are back in the plenary", () => {
    const inZone = { ...plenary, zone: "nw" };
    expect(announcementsBetween(plenary, inZone)).toEqual([{ kind: "zone", zoneId: "nw" }]);
    expect(announcementsBetween(inZone, plenary)).toEqual([{ kind: "zone", zoneId: "" }]);
    expect(announcementsBetween(inZone, inZone)).toEqual([]);
  });

  it("says when a vote opens where we can see it and when it ends, once each", () => {
    const open = { ...plenary, votes: [{ id: "v1", boardId: "wall", open: true }] };
    const ended = { ...plenary, votes: [{ id: "v1", boardId: "wall", open: false }] };
    expect(announcementsBetween(plenary, open)).toEqual([{ kind: "voteOpen", boardId: "wall" }]);
    expect(announcementsBetween(open, open)).toEqual([]);
    expect(announcementsBetween(open, ended)).toEqual([{ kind: "voteEnded", boardId: "wall" }]);
    expect(announcementsBetween(ended, ended)).toEqual([]);
    // An ended vote we only now see (we walked up to its board) is not news.
    expect(announcementsBetween(plenary, ended)).toEqual([]);
  });

  it("says our hand is next when it moves up to first, not when we raise it into an empty queue", () => {
    expect(announcementsBetween({ ...plenary, handPlace: 2 }, { ...plenary, handPlace: 1 })).toEqual([
      { kind: "handNext" },
    ]);
    expect(announcementsBetween({ ...plenary, handPlace: 0 }, { ...plenary, handPlace: 1 })).toEqual([]);
  });

  it("finds our place in the queue by when each hand went up", () => {
    const people = [
      { id: "a", handRaisedAt: 300 },
      { id: "me", handRaisedAt: 200 },
      { id: "b", handRaisedAt: 100 },
      { id: "c", handRaisedAt: 0 },
    ];
    expect(handPlace(people, "me")).toBe(2);
    expect(handPlace(people, "b")).toBe(1);
    expect(handPlace(people, "c")).toBe(0);
  });
});
