import type { UploadResponse } from "../../shared/protocol";
import { isScreenMime } from "../../shared/screen/files";

export class UploadError extends Error {}

/** Sends one file to the screen's uploads, as a facilitator (the secret goes in a header only). */
export async function uploadScreenFile(code: string, secret: string, file: File): Promise<UploadResponse> {
  const type = isScreenMime(file.type) ? file.type : "application/octet-stream";
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(code)}/files`, {
      method: "POST",
      headers: {
        "content-type": type,
        authorization: `Bearer ${secret}`,
        "x-file-name": encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    throw new UploadError("network");
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string } & Partial<UploadResponse>;
  if (!response.ok) throw new UploadError(body.error ?? "upload_type");
  return body as UploadResponse;
}
