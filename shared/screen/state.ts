import { schema, t, type SchemaType } from "@colyseus/schema";

/** A file a facilitator uploaded for the screen; listed only to facilitators. */
export const ScreenFileState = schema(
  {
    name: t.string(),
    /** "image" | "pdf" */
    kind: t.string(),
    /** Pages of a PDF; 1 for an image. */
    pages: t.uint16(),
    width: t.uint16(),
    height: t.uint16(),
    size: t.uint32(),
    createdAt: t.float64(),
  },
  "ScreenFile",
);
export type ScreenFileState = SchemaType<typeof ScreenFileState>;

/** The stage screen: what everyone sees on it right now, and the facilitators' list of uploads. */
export const ScreenState = schema(
  {
    /** "" when the screen is blank. */
    fileId: t.string(),
    kind: t.string(),
    name: t.string(),
    /** 1-based page of a PDF shown now. */
    page: t.uint16(),
    pages: t.uint16(),
    width: t.uint16(),
    height: t.uint16(),
    files: t.map(ScreenFileState).view(),
  },
  "Screen",
);
export type ScreenState = SchemaType<typeof ScreenState>;
