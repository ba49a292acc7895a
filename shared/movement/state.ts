import { schema, t, type SchemaType } from "@colyseus/schema";

/** A person's head pose in wire units (see pose-codec.ts); at most 8 fields keeps it allocation-free. */
export const PoseState = schema(
  {
    x: t.int16(),
    y: t.int16(),
    z: t.int16(),
    yaw: t.uint16(),
    pitch: t.int16(),
  },
  "Pose",
);
export type PoseState = SchemaType<typeof PoseState>;

/** One tracked hand or controller in wire units (see HandWire in pose-codec.ts); all zero while untracked. */
export const HandState = schema(
  {
    flags: t.uint8().default(0),
    dx: t.int8().default(0),
    dy: t.int8().default(0),
    dz: t.int8().default(0),
    rotation: t.uint32().default(0),
  },
  "Hand",
);
export type HandState = SchemaType<typeof HandState>;

/** Both hands of a person in VR; desktop people leave them untracked, which costs nothing on the wire. */
export const HandsState = schema({ left: HandState, right: HandState }, "Hands");
export type HandsState = SchemaType<typeof HandsState>;
