import { Matrix4, type InstancedMesh, type Object3D, type Scene, type WebGLRenderer } from "three";
import type { LocalPlayer } from "../movement/local-player";

/**
 * A read-only window into the running scene, for the end-to-end tests and for support staff
 * ("what does your browser see?"). It exposes positions already on screen, nothing private.
 */
export interface SpaceInspector {
  /** Where each remote avatar's body is drawn right now, from the instanced mesh itself. */
  avatars(): { x: number; y: number; z: number }[];
  /** Names whose tags are in the scene. */
  nameTags(): string[];
  self(): { x: number; z: number; yaw: number };
  /** Texts of the notes drawn on the boards in 3D. */
  boardNotes(): string[];
  /** Texts drawn inside objects whose name starts with `prefix` (e.g. "plenary-clock", "zone-board:nw"). */
  labels(prefix: string): string[];
  renderInfo(): { calls: number; triangles: number };
}

declare global {
  interface Window {
    yhteistila?: SpaceInspector;
  }
}

export function installInspector(scene: Scene, gl: WebGLRenderer, player: LocalPlayer): () => void {
  window.yhteistila = {
    avatars() {
      const body = scene.getObjectByName("avatar-body") as InstancedMesh | undefined;
      if (!body) return [];
      const out: { x: number; y: number; z: number }[] = [];
      const m = new Matrix4();
      for (let i = 0; i < body.count; i++) {
        body.getMatrixAt(i, m);
        out.push({ x: m.elements[12]!, y: m.elements[13]!, z: m.elements[14]! });
      }
      return out;
    },
    nameTags() {
      const names: string[] = [];
      scene.traverse((object) => {
        if (object.name.startsWith("name-tag:")) {
          object.traverse((child) => {
            const text = (child as { text?: unknown }).text;
            if (typeof text === "string" && text) names.push(text);
          });
        }
      });
      return names;
    },
    self: () => ({ x: player.x, z: player.z, yaw: player.yaw }),
    boardNotes() {
      const texts: string[] = [];
      scene.traverse((object) => {
        if (!object.name.startsWith("note:")) return;
        // The first text in a note is its own; the author's name comes after it.
        const label = object.children.find((child) => typeof (child as { text?: unknown }).text === "string");
        const text = (label as { text?: string } | undefined)?.text;
        if (text) texts.push(text);
      });
      return texts.sort();
    },
    labels(prefix) {
      const found = new Set<Object3D>();
      scene.traverse((object) => {
        if (object.name.startsWith(prefix)) object.traverse((child) => found.add(child));
      });
      return [...found]
        .map((child) => (child as { text?: unknown }).text)
        .filter((text): text is string => typeof text === "string" && text !== "");
    },
    renderInfo: () => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles }),
  };
  return () => {
    delete window.yhteistila;
  };
}
