import { describe, expect, it } from "vitest";
import { decodeNearPoses, encodeNearPoses, NearPoseTable, type NearPoses } from "../../shared/movement/near-poses";
import type { PoseFields } from "../../shared/movement/pose-codec";

const pose = (x: number, y = 160, z = 0, yaw = 0, pitch = 0): PoseFields => ({ x, y, z, yaw, pitch });

/** A table with one listener, and the slots each message reported changed. */
function table() {
  const near = new NearPoseTable();
  const changes: number[][] = [];
  near.onChange((slots) => changes.push([...slots].sort((a, b) => a - b)));
  return { near, changes, apply: (message: NearPoses) => near.apply(encodeNearPoses(message)) };
}

describe("near pose messages", () => {
  it("round-trip every field, positive and negative, with the gone slots", () => {
    const message: NearPoses = {
      full: false,
      poses: [
        { slot: 0, pose: { x: 32767, y: 160, z: -32767, yaw: 65535, pitch: 32767 } },
        { slot: 65535, pose: { x: -1250, y: -5, z: 300, yaw: 0, pitch: -32767 } },
        { slot: 7, pose: pose(0, 0) },
      ],
      gone: [1, 2, 65535],
    };
    expect(decodeNearPoses(encodeNearPoses(message))).toEqual(message);
  });

  it("round-trip the full flag and an empty message", () => {
    const empty: NearPoses = { full: false, poses: [], gone: [] };
    expect(encodeNearPoses(empty).byteLength).toBe(5);
    expect(decodeNearPoses(encodeNearPoses(empty))).toEqual(empty);
    const fullEmpty: NearPoses = { full: true, poses: [], gone: [] };
    expect(decodeNearPoses(encodeNearPoses(fullEmpty))).toEqual(fullEmpty);
    const full: NearPoses = { full: true, poses: [{ slot: 4, pose: pose(120, 170, -80, 1000, -20) }], gone: [] };
    expect(decodeNearPoses(encodeNearPoses(full))).toEqual(full);
  });

  it("decode a message that is a view into a larger buffer", () => {
    const message: NearPoses = { full: false, poses: [{ slot: 9, pose: pose(-300, 150, 420, 12, 3) }], gone: [5] };
    const bytes = encodeNearPoses(message);
    const padded = new Uint8Array(bytes.byteLength + 8);
    padded.set(bytes, 4);
    expect(decodeNearPoses(padded.subarray(4, 4 + bytes.byteLength))).toEqual(message);
  });

  it("reject a message whose length does not match what it announces", () => {
    const bytes = encodeNearPoses({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [2] });
    expect(() => decodeNearPoses(bytes.subarray(0, bytes.byteLength - 1))).toThrow();
    const longer = new Uint8Array(bytes.byteLength + 1);
    longer.set(bytes);
    expect(() => decodeNearPoses(longer)).toThrow();
    // Cut inside the poses, before the gone count.
    expect(() => decodeNearPoses(bytes.subarray(0, 8))).toThrow();
    expect(() => decodeNearPoses(new Uint8Array(0))).toThrow();
    expect(() => decodeNearPoses(new Uint8Array(4))).toThrow();
  });

  it("leave the table untouched by a message of the wrong length", () => {
    const { near, changes, apply } = table();
    apply({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [] });
    const bad = encodeNearPoses({ full: true, poses: [{ slot: 2, pose: pose(200) }], gone: [] });
    expect(() => near.apply(bad.subarray(0, bad.byteLength - 1))).toThrow();
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toBeUndefined();
    expect(changes).toEqual([[1]]);
  });
});

/** A table already holding `slots`, each at pose(slot * 100); `changes` starts with that first message. */
function holding(...slots: number[]) {
  const held = table();
  held.apply({ full: false, poses: slots.map((slot) => ({ slot, pose: pose(slot * 100) })), gone: [] });
  return held;
}

describe("NearPoseTable", () => {
  it("adds the poses a message lists and reports their slots", () => {
    const { near, changes, apply } = table();
    expect(near.size).toBe(0);
    apply({
      full: false,
      poses: [
        { slot: 1, pose: pose(100) },
        { slot: 2, pose: pose(-200) },
      ],
      gone: [],
    });
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toEqual(pose(-200));
    expect(near.get(3)).toBeUndefined();
    expect(near.size).toBe(2);
    expect(changes).toEqual([[1, 2]]);
  });

  it("updates a pose and keeps the others a partial message does not list", () => {
    const { near, changes, apply } = holding(1, 2);
    apply({ full: false, poses: [{ slot: 2, pose: pose(250, 170, 30, 400, -10) }], gone: [] });
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toEqual(pose(250, 170, 30, 400, -10));
    expect(near.size).toBe(2);
    expect(changes).toEqual([[1, 2], [2]]);
  });

  it("removes the gone slots, reporting only those it held", () => {
    const { near, changes, apply } = holding(1, 2);
    apply({ full: false, poses: [], gone: [1, 9] });
    expect(near.get(1)).toBeUndefined();
    expect(near.get(2)).toEqual(pose(200));
    expect(near.size).toBe(1);
    expect(changes).toEqual([[1, 2], [1]]);
  });

  it("forgets on a full message every slot it does not list", () => {
    const { near, changes, apply } = holding(1, 2, 3);
    apply({
      full: true,
      poses: [
        { slot: 2, pose: pose(210) },
        { slot: 4, pose: pose(400) },
      ],
      gone: [],
    });
    expect(near.get(1)).toBeUndefined();
    expect(near.get(2)).toEqual(pose(210));
    expect(near.get(3)).toBeUndefined();
    expect(near.get(4)).toEqual(pose(400));
    expect(near.size).toBe(2);
    expect(changes).toEqual([
      [1, 2, 3],
      [1, 2, 3, 4],
    ]);
    // An empty full message forgets everything.
    apply({ full: true, poses: [], gone: [] });
    expect(near.size).toBe(0);
    expect(changes.at(-1)).toEqual([2, 4]);
  });

  it("stops reporting to a listener that unsubscribed", () => {
    const near = new NearPoseTable();
    const heard: number[][] = [];
    const off = near.onChange((slots) => heard.push([...slots]));
    near.apply(encodeNearPoses({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [] }));
    off();
    near.apply(encodeNearPoses({ full: false, poses: [{ slot: 1, pose: pose(110) }], gone: [] }));
    expect(heard).toEqual([[1]]);
    expect(near.get(1)).toEqual(pose(110));
  });
});
