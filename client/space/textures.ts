import { CanvasTexture, RepeatWrapping, SRGBColorSpace, type Texture } from "three";
import { mulberry32 } from "../../shared/random";

/**
 * The floor, painted at start-up on a canvas: light oak planks.
 * Generated here rather than downloaded, so the room looks finished with nothing fetched.
 */
function canvasTexture(width: number, height: number, paint: (g: CanvasRenderingContext2D) => void): Texture {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  paint(canvas.getContext("2d")!);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/** Planks 20 cm wide, 1-2.4 m long, in slightly varied tones; one tile covers 2 x 2 m. */
export function floorTexture(metres: number): Texture {
  const random = mulberry32(7);
  const texture = canvasTexture(512, 512, (g) => {
    const plankWidth = 512 / 10;
    for (let row = 0; row < 10; row++) {
      let y = 0;
      while (y < 512) {
        const length = 128 + random() * 180;
        const tone = 222 + Math.floor(random() * 14);
        g.fillStyle = `rgb(${tone}, ${tone - 14}, ${tone - 34})`;
        g.fillRect(row * plankWidth, y, plankWidth, length);
        g.fillStyle = "rgba(120, 90, 50, 0.18)";
        g.fillRect(row * plankWidth, y, plankWidth, 1.5);
        y += length;
      }
      g.fillStyle = "rgba(120, 90, 50, 0.22)";
      g.fillRect(row * plankWidth, 0, 1.5, 512);
    }
  });
  texture.wrapS = texture.wrapT = RepeatWrapping;
  texture.repeat.set(metres / 2, metres / 2);
  return texture;
}
