// troika-three-text ships no types; this covers the part Label3D and the name tags use.
declare module "troika-three-text" {
  import type { Mesh } from "three";

  export function configureTextBuilder(config: { defaultFontURL?: string; useWorker?: boolean }): void;

  export class Text extends Mesh {
    text: string;
    font: string;
    fontSize: number;
    color: string | number;
    maxWidth: number;
    anchorX: "left" | "center" | "right" | number;
    anchorY: "top" | "middle" | "bottom" | "top-baseline" | "bottom-baseline" | number;
    textAlign: "left" | "right" | "center" | "justify";
    outlineWidth: number;
    outlineColor: string | number;
    sync(callback?: () => void): void;
    dispose(): void;
  }

  /** Draws any number of Text members (sharing one font) in a single draw call. */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
  }
}
