import { z } from "zod";
import { docIdSchema } from "../../shared/boards/model";
import { SCREEN_FILE_NAME_MAX, SCREEN_FILE_TYPES } from "../../shared/screen/files";
import { defineRecordType } from "../storage/records";

/** An uploaded file's description; its bytes are stored beside the database (store.putFile). */
export const screenFileSchema = z.object({
  id: docIdSchema,
  name: z.string().max(SCREEN_FILE_NAME_MAX),
  mime: z.enum(
    Object.keys(SCREEN_FILE_TYPES) as [keyof typeof SCREEN_FILE_TYPES, ...(keyof typeof SCREEN_FILE_TYPES)[]],
  ),
  size: z.number().int().min(0),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  pages: z.number().int().min(1),
  createdAt: z.number(),
});
export type ScreenFile = z.infer<typeof screenFileSchema>;

export const screenFileRecord = defineRecordType({ kind: "screen-file", schema: screenFileSchema });

/** What the screen shows; one record per session (id "screen"). */
export const screenShowingRecord = defineRecordType({
  kind: "screen",
  schema: z.object({ fileId: z.string().max(32), page: z.number().int().min(1) }),
});
