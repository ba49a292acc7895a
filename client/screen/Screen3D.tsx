import { useEffect, useState } from "react";
import { CanvasTexture, SRGBColorSpace, TextureLoader, type Texture } from "three";
import { LAB } from "../../shared/space/layout";
import { useSessionStore } from "../session/session-store";
import { renderPdfPage } from "./pdf";
import { fileUrl, useScreenStore } from "./screen-store";

/** Texture side, pixels: sharp on the 8 m screen, within what headsets handle (≤ 2048). */
const MAX_SIDE = 2048;

/** Loads what the screen shows as a texture; the previous one is disposed when it changes. */
export function useScreenTexture(): Texture | null {
  const code = useSessionStore((s) => s.code);
  const fileId = useScreenStore((s) => s.fileId);
  const kind = useScreenStore((s) => s.kind);
  const page = useScreenStore((s) => s.page);
  const [texture, setTexture] = useState<Texture | null>(null);
  useEffect(() => {
    if (!fileId) {
      setTexture(null);
      return;
    }
    let cancelled = false;
    let made: Texture | null = null;
    const url = fileUrl(code, fileId);
    const load: Promise<Texture> =
      kind === "pdf"
        ? renderPdfPage(url, page, MAX_SIDE).then((canvas) => new CanvasTexture(canvas))
        : new TextureLoader().loadAsync(url);
    load.then(
      (next) => {
        next.colorSpace = SRGBColorSpace;
        made = next;
        if (cancelled) next.dispose();
        else setTexture(next);
      },
      () => !cancelled && setTexture(null),
    );
    return () => {
      cancelled = true;
      made?.dispose();
    };
  }, [code, fileId, kind, page]);
  return texture;
}

/** The stage screen: the page everyone sees, fitted into the screen with its proportions kept. */
export function Screen3D() {
  const texture = useScreenTexture();
  if (!texture) return null;
  const { screen } = LAB;
  const image = texture.image as { width: number; height: number };
  const aspect = image.width / image.height || 16 / 9;
  const width = Math.min(screen.width, screen.height * aspect);
  const height = width / aspect;
  return (
    <mesh name="screen-content" position={[screen.x, screen.bottom + screen.height / 2, screen.z + 0.04]}>
      <planeGeometry args={[width, height]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  );
}
