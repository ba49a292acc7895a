import { z } from "zod";
import { docIdSchema } from "../boards/model";
import { SCREEN_PDF_MAX_PAGES } from "../screen/files";

export const screenMessages = {
  /** Facilitator: put an uploaded file on the stage screen (at a page of a PDF). */
  "screen.show": z
    .object({ fileId: docIdSchema, page: z.number().int().min(1).max(SCREEN_PDF_MAX_PAGES).optional() })
    .strict(),
  /** Facilitator: turn to a page of the PDF on the screen; everyone follows. */
  "screen.page": z.object({ page: z.number().int().min(1).max(SCREEN_PDF_MAX_PAGES) }).strict(),
  /** Facilitator: blank the screen. */
  "screen.clear": z.object({}).strict(),
  /** Facilitator: delete an upload (and take it off the screen). */
  "screen.removeFile": z.object({ fileId: docIdSchema }).strict(),
} as const;

export const screenServerMessages = {} as const;

/** HTTP: the answer to an upload. */
export interface UploadResponse {
  fileId: string;
  kind: "image" | "pdf";
  pages: number;
}
