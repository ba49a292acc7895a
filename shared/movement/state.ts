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
