import { describe, expect, it } from "vitest";
import { waitForState } from "../support/server";
import { pdfBytes, pngBytes, upload } from "../support/files";
import { act } from "../support/boards";
import { useTestServer, handled, refusal } from "../support/rooms";

const server = useTestServer();

describe("the presentation screen", () => {
  it("refuses uploads without the facilitator secret, of the wrong type, forged, or too large", async () => {
    const { code, facilitatorSecret } = await server.createSession();
    const png = pngBytes(8, 4);
    expect((await upload(server.baseUrl, code, undefined, png, "image/png")).status).toBe(401);
    expect((await upload(server.baseUrl, code, "x".repeat(43), png, "image/png")).status).toBe(401);
    expect((await upload(server.baseUrl, code, facilitatorSecret, png, "image/svg+xml")).body).toEqual({
      error: "upload_type",
    });
    // A PNG that says it is a JPEG, a text file that says it is a PDF, a PNG cut short after its signature.
    expect((await upload(server.baseUrl, code, facilitatorSecret, png, "image/jpeg")).status).toBe(415);
    const fake = new TextEncoder().encode("%PDF-1.4 this is not really a PDF");
    expect((await upload(server.baseUrl, code, facilitatorSecret, fake, "application/pdf")).status).toBe(415);
    expect((await upload(server.baseUrl, code, facilitatorSecret, png.slice(0, 12), "image/png")).status).toBe(415);
    const huge = new Uint8Array(26 * 1024 * 1024);
    huge.set(png);
    const tooLarge = await upload(server.baseUrl, code, facilitatorSecret, huge, "image/png");
    expect(tooLarge).toEqual({ status: 413, body: { error: "upload_too_large" } });
  });

  it("shows an uploaded PDF to everyone, page by page, and lists uploads only to facilitators", async () => {
    const { code, facilitatorSecret } = await server.createSession();
    const host = await server.join(code, { facilitatorSecret, name: "Host" });
    const anna = await server.join(code, { name: "Anna" });
    const uploaded = await upload(server.baseUrl, code, facilitatorSecret, pdfBytes(3), "application/pdf", "plan.pdf");
    expect(uploaded).toMatchObject({ status: 201, body: { kind: "pdf", pages: 3 } });
    const fileId = String(uploaded.body.fileId);
    await waitForState(host, (s) => s.screen.files?.get(fileId)?.name === "plan.pdf");

    await act(host, "screen.show", { fileId }, (r) => r.state.screen.fileId === fileId);
    await waitForState(anna, (s) => s.screen.fileId === fileId && s.screen.page === 1 && s.screen.pages === 3);
    await act(host, "screen.page", { page: 3 }, (r) => r.state.screen.page === 3);
    await waitForState(anna, (s) => s.screen.page === 3);
    // Past the end is the last page.
    await act(host, "screen.page", { page: 9 }, (r) => r.state.screen.page === 3);
    expect(await refusal(anna, "screen.page", { page: 1 })).toMatchObject({ code: "forbidden" });
    await handled(anna);
    expect(anna.state.screen.files?.size ?? 0).toBe(0);

    // Anyone in the session can fetch the file itself, served so that a browser runs nothing in it.
    const file = await fetch(`${server.baseUrl}/api/sessions/${code}/files/${fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdfBytes(3));

    await act(host, "screen.removeFile", { fileId }, (r) => r.state.screen.fileId === "");
    expect((await fetch(`${server.baseUrl}/api/sessions/${code}/files/${fileId}`)).status).toBe(404);
    await Promise.all([host.leave(), anna.leave()]);
  });

  it("reads an image's size from its header", async () => {
    const { code, facilitatorSecret } = await server.createSession();
    const host = await server.join(code, { facilitatorSecret });
    const uploaded = await upload(server.baseUrl, code, facilitatorSecret, pngBytes(64, 36), "image/png", "wide.png");
    expect(uploaded).toMatchObject({ status: 201, body: { kind: "image", pages: 1 } });
    await act(host, "screen.show", { fileId: String(uploaded.body.fileId) }, (r) => r.state.screen.width === 64);
    expect(host.state.screen.height).toBe(36);
    await host.leave();
  });
});
