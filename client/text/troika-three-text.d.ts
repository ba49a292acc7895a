// troika-three-text ships no types; this covers the part Label3D uses.
declare module "troika-three-text" {
  import type { Mesh } from "three";

  export function configureTextBuilder(config: { defaultFontURL?: string; useWorker?: boolean }): void;

  export class Text extends Mesh {
    text: string;
    font: string;
    fontSize: number;
    color: string | number;
    sync(callback?: () => void): void;
    dispose(): void;
  }
}
