import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** Session codes and file ids are both url-safe by construction; anything else never reaches the disk. */
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Uploaded files on disk, one folder per session (`<root>/<code>/<id>`), written so that a file
 * whose write was acknowledged survives a power cut: write a temporary file, flush it, rename it
 * into place, flush the folder.
 */
export class FileDir {
  constructor(readonly root: string) {}

  private path(code: string, id?: string): string {
    if (!SAFE.test(code) || (id !== undefined && !SAFE.test(id))) throw new Error("unsafe file name");
    return id === undefined ? join(this.root, code) : join(this.root, code, id);
  }

  put(code: string, id: string, bytes: Uint8Array): void {
    const dir = this.path(code);
    mkdirSync(dir, { recursive: true });
    const final = this.path(code, id);
    const temporary = `${final}.part`;
    const fd = openSync(temporary, "w", 0o600);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, final);
    fsyncDir(dir);
  }

  async get(code: string, id: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = await readFile(this.path(code, id));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(code: string, id: string): Promise<void> {
    await rm(this.path(code, id), { force: true });
  }

  deleteSession(code: string): void {
    rmSync(this.path(code), { recursive: true, force: true });
  }
}
