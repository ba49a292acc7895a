import { NOTE_SIZE_CM, noteHex } from "../../shared/boards/model";
import type { BoardView, VoteResultView } from "../boards/boards-store";

/** Pixels per centimetre of board in the picture: a 9.4 m note wall becomes 1880 px wide. */
const SCALE = 2;
const MARGIN = 24;
const TITLE = 56;
const FONT = '"Noto Sans", system-ui, sans-serif';

/** Breaks text into lines that fit a width, breaking long words too. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (ctx.measureText(rest).width > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && ctx.measureText(rest.slice(0, cut)).width > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest font (px) at which the text fits a note. */
function fitText(ctx: CanvasRenderingContext2D, text: string, side: number): { size: number; lines: string[] } {
  for (let size = 20; size >= 8; size--) {
    ctx.font = `${size}px ${FONT}`;
    const lines = wrapText(ctx, text, side - 12);
    if (lines.length * size * 1.2 <= side - 16) return { size, lines };
  }
  ctx.font = `8px ${FONT}`;
  return { size: 8, lines: wrapText(ctx, text, side - 12) };
}

/**
 * Draws a board as a picture, in the browser and without any network: the board, its clusters with
 * their titles, every note we can see with its text, author and dots of the last vote.
 */
export async function drawBoard(
  board: BoardView,
  title: string,
  results: ReadonlyMap<string, VoteResultView>,
): Promise<Blob> {
  await document.fonts?.load(`16px "Noto Sans"`).catch(() => undefined);
  const width = board.width * SCALE + MARGIN * 2;
  const height = board.height * SCALE + MARGIN * 2 + TITLE;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#f7f4ee";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1b2a38";
  ctx.font = `bold 28px ${FONT}`;
  ctx.textBaseline = "middle";
  ctx.fillText(title, MARGIN, MARGIN + TITLE / 2 - 8, width - 2 * MARGIN);
  const ox = MARGIN;
  const oy = MARGIN + TITLE;
  ctx.fillStyle = "#fbfaf7";
  ctx.strokeStyle = "#8a97a3";
  ctx.lineWidth = 4;
  ctx.fillRect(ox, oy, board.width * SCALE, board.height * SCALE);
  ctx.strokeRect(ox, oy, board.width * SCALE, board.height * SCALE);

  for (const cluster of board.clusters) {
    const x = ox + cluster.x * SCALE;
    const y = oy + cluster.y * SCALE;
    ctx.fillStyle = "rgba(29, 59, 83, 0.08)";
    ctx.fillRect(x, y, cluster.width * SCALE, cluster.height * SCALE);
    ctx.fillStyle = "#1d3b53";
    ctx.fillRect(x, y, cluster.width * SCALE, 20);
    ctx.fillStyle = "#ffffff";
    ctx.font = `bold 14px ${FONT}`;
    ctx.fillText(cluster.title, x + 6, y + 10, cluster.width * SCALE - 12);
  }

  const side = NOTE_SIZE_CM * SCALE;
  for (const note of board.notes) {
    const x = ox + note.x * SCALE - side / 2;
    const y = oy + note.y * SCALE - side / 2;
    ctx.fillStyle = "rgba(0, 0, 0, 0.12)";
    ctx.fillRect(x + 3, y + 3, side, side);
    ctx.fillStyle = noteHex(note.color);
    ctx.fillRect(x, y, side, side);
    const { size, lines } = fitText(ctx, note.text, side);
    ctx.fillStyle = "#1b2a38";
    ctx.textAlign = "center";
    const top = y + side / 2 - ((lines.length - 1) * size * 1.2) / 2 - 4;
    lines.forEach((line, i) => ctx.fillText(line, x + side / 2, top + i * size * 1.2));
    if (note.authorName && !note.anonymous) {
      ctx.font = `10px ${FONT}`;
      ctx.fillStyle = "#4a5b6b";
      ctx.fillText(note.authorName, x + side / 2, y + side - 8, side - 8);
    }
    ctx.textAlign = "left";
    const result = results.get(note.id);
    if (result && result.count > 0) {
      ctx.fillStyle = result.rank <= 3 ? "#c62828" : "#6b7785";
      ctx.beginPath();
      ctx.arc(x + side - 8, y + 8, 13, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.font = `bold 13px ${FONT}`;
      ctx.textAlign = "center";
      ctx.fillText(String(result.count), x + side - 8, y + 9);
      ctx.textAlign = "left";
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no picture"))), "image/png"),
  );
}
