import { describe, expect, it } from "vitest";
import {
  decodePosesMessage,
  encodeFarPoses,
  encodePosesMessage,
  PoseTable,
  type PosesMessage,
} from "../../shared/movement/poses-message";
import type { PoseFields } from "../../shared/movement/pose-codec";

const pose = (x: number, y = 160, z = 0, yaw = 0, pitch = 0): PoseFields => ({ x, y, z, yaw, pitch });

/** A table with one listener, and the slots each message reported changed. */
function table() {
  const near = new PoseTable();
  const changes: number[][] = [];
  near.onChange((slots) => changes.push([...slots].sort((a, b) => a - b)));
  return { near, changes, apply: (message: PosesMessage) => near.apply(encodePosesMessage(message)) };
}

describe("near pose messages", () => {
  it("round-trip every field, positive and negative, with the gone slots", () => {
    const message: PosesMessage = {
      full: false,
      poses: [
        { slot: 0, pose: { x: 32767, y: 160, z: -32767, yaw: 65535, pitch: 32767 } },
        { slot: 65535, pose: { x: -1250, y: -5, z: 300, yaw: 0, pitch: -32767 } },
        { slot: 7, pose: pose(0, 0) },
      ],
      gone: [1, 2, 65535],
      far: [],
    };
    expect(decodePosesMessage(encodePosesMessage(message))).toEqual(message);
  });

  it("round-trip the full flag and an empty message", () => {
    const empty: PosesMessage = { full: false, poses: [], gone: [], far: [] };
    // Flags, no near poses, no gone slots, no coarse poses.
    expect(encodePosesMessage(empty).byteLength).toBe(7);
    expect(decodePosesMessage(encodePosesMessage(empty))).toEqual(empty);
    const fullEmpty: PosesMessage = { full: true, poses: [], gone: [], far: [] };
    expect(decodePosesMessage(encodePosesMessage(fullEmpty))).toEqual(fullEmpty);
    const full: PosesMessage = {
      full: true,
      poses: [{ slot: 4, pose: pose(120, 170, -80, 1000, -20) }],
      gone: [],
      far: [],
    };
    expect(decodePosesMessage(encodePosesMessage(full))).toEqual(full);
  });

  it("decode a message that is a view into a larger buffer", () => {
    const message: PosesMessage = {
      full: false,
      poses: [{ slot: 9, pose: pose(-300, 150, 420, 12, 3) }],
      gone: [5],
      far: [],
    };
    const bytes = encodePosesMessage(message);
    const padded = new Uint8Array(bytes.byteLength + 8);
    padded.set(bytes, 4);
    expect(decodePosesMessage(padded.subarray(4, 4 + bytes.byteLength))).toEqual(message);
  });

  it("reject a message whose length does not match what it announces", () => {
    const bytes = encodePosesMessage({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [2], far: [] });
    expect(() => decodePosesMessage(bytes.subarray(0, bytes.byteLength - 1))).toThrow();
    const longer = new Uint8Array(bytes.byteLength + 1);
    longer.set(bytes);
    expect(() => decodePosesMessage(longer)).toThrow();
    // Cut inside the poses, before the gone count.
    expect(() => decodePosesMessage(bytes.subarray(0, 8))).toThrow();
    expect(() => decodePosesMessage(new Uint8Array(0))).toThrow();
    expect(() => decodePosesMessage(new Uint8Array(4))).toThrow();
  });

  it("leave the table untouched by a message of the wrong length", () => {
    const { near, changes, apply } = table();
    apply({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [], far: [] });
    const bad = encodePosesMessage({ full: true, poses: [{ slot: 2, pose: pose(200) }], gone: [], far: [] });
    expect(() => near.apply(bad.subarray(0, bad.byteLength - 1))).toThrow();
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toBeUndefined();
    expect(changes).toEqual([[1]]);
  });
});

/** A table already holding `slots`, each at pose(slot * 100); `changes` starts with that first message. */
function holding(...slots: number[]) {
  const held = table();
  held.apply({ full: false, poses: slots.map((slot) => ({ slot, pose: pose(slot * 100) })), gone: [], far: [] });
  return held;
}

describe("PoseTable", () => {
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
      far: [],
    });
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toEqual(pose(-200));
    expect(near.get(3)).toBeUndefined();
    expect(near.size).toBe(2);
    expect(changes).toEqual([[1, 2]]);
  });

  it("updates a pose and keeps the others a partial message does not list", () => {
    const { near, changes, apply } = holding(1, 2);
    apply({ full: false, poses: [{ slot: 2, pose: pose(250, 170, 30, 400, -10) }], gone: [], far: [] });
    expect(near.get(1)).toEqual(pose(100));
    expect(near.get(2)).toEqual(pose(250, 170, 30, 400, -10));
    expect(near.size).toBe(2);
    expect(changes).toEqual([[1, 2], [2]]);
  });

  it("removes the gone slots, reporting only those it held", () => {
    const { near, changes, apply } = holding(1, 2);
    apply({ full: false, poses: [], gone: [1, 9], far: [] });
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
      far: [],
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
    apply({ full: true, poses: [], gone: [], far: [] });
    expect(near.size).toBe(0);
    expect(changes.at(-1)).toEqual([2, 4]);
  });

  it("stops reporting to a listener that unsubscribed", () => {
    const near = new PoseTable();
    const heard: number[][] = [];
    const off = near.onChange((slots) => heard.push([...slots]));
    near.apply(encodePosesMessage({ full: false, poses: [{ slot: 1, pose: pose(100) }], gone: [], far: [] }));
    off();
    near.apply(encodePosesMessage({ full: false, poses: [{ slot: 1, pose: pose(110) }], gone: [], far: [] }));
    expect(heard).toEqual([[1]]);
    expect(near.get(1)).toEqual(pose(110));
  });
});

describe("coarse poses in the same message", () => {
  const far = (x: number) => ({ x, y: 160, z: -x, yaw: 512, pitch: 0 });

  it("round-trip after the near part, without pitch, and one far part serves many messages", () => {
    const farPart = encodeFarPoses([
      { slot: 3, pose: far(100) },
      { slot: 8, pose: far(-250) },
    ]);
    const a = decodePosesMessage(
      encodePosesMessage({ full: false, poses: [{ slot: 1, pose: pose(7) }], gone: [2] }, farPart),
    );
    const b = decodePosesMessage(encodePosesMessage({ full: true, poses: [], gone: [] }, farPart));
    expect(a.far).toEqual([
      { slot: 3, pose: far(100) },
      { slot: 8, pose: far(-250) },
    ]);
    expect(a.poses).toEqual([{ slot: 1, pose: pose(7) }]);
    expect(a.gone).toEqual([2]);
    expect(b.far).toEqual(a.far);
    expect(b.full).toBe(true);
    // Pitch does not travel from afar.
    const tilted = encodePosesMessage({
      full: false,
      poses: [],
      gone: [],
      far: [{ slot: 1, pose: pose(5, 160, 0, 0, 99) }],
    });
    expect(decodePosesMessage(tilted).far[0]!.pose.pitch).toBe(0);
  });

  it("tell a watcher the coarse pose only while no full one is held, and say which it is", () => {
    const poses = new PoseTable();
    const heard: Array<[number | undefined, boolean]> = [];
    poses.watch(3, (p, coarse) => heard.push([p?.x, coarse]));
    poses.apply(encodePosesMessage({ full: false, poses: [], gone: [], far: [{ slot: 3, pose: far(100) }] }));
    poses.apply(encodePosesMessage({ full: false, poses: [{ slot: 3, pose: pose(104) }], gone: [] }));
    // A coarse update while near changes nothing for the reader.
    poses.apply(encodePosesMessage({ full: false, poses: [], gone: [], far: [{ slot: 3, pose: far(110) }] }));
    poses.apply(encodePosesMessage({ full: false, poses: [], gone: [3] }));
    // Another slot's news is not this watcher's.
    poses.apply(encodePosesMessage({ full: false, poses: [{ slot: 4, pose: pose(1) }], gone: [] }));
    expect(heard).toEqual([
      [100, true],
      [104, false],
      [110, true],
    ]);
  });

  it("forget on a full message the coarse poses it does not list", () => {
    const poses = new PoseTable();
    poses.apply(
      encodePosesMessage({
        full: false,
        poses: [],
        gone: [],
        far: [
          { slot: 1, pose: far(100) },
          { slot: 2, pose: far(200) },
        ],
      }),
    );
    poses.apply(encodePosesMessage({ full: true, poses: [], gone: [], far: [{ slot: 2, pose: far(210) }] }));
    expect(poses.far(1)).toBeUndefined();
    expect(poses.far(2)).toEqual(far(210));
  });
});
