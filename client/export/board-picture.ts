import type { BoardView, VoteResultView } from "../boards/boards-store";
import { FONT, layoutBoard, type Measure } from "./board-layout";

/**
 * Draws a board as a picture, in the browser and without any network: the board, its clusters with
 * their titles, every note we can see with its text, author and dots of the last vote. Where each
 * thing goes is board-layout.ts's answer; this only paints it.
 */
export async function drawBoard(
  board: BoardView,
  title: string,
  results: ReadonlyMap<string, VoteResultView>,
): Promise<Blob> {
  await document.fonts?.load(`16px "Noto Sans"`).catch(() => undefined);
  await document.fonts?.load(`bold 16px "Noto Sans"`).catch(() => undefined);
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d")!;
  const measure: Measure = (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = layoutBoard(board, title, results, measure);
  canvas.width = layout.width;
  canvas.height = layout.height;
  ctx.fillStyle = "#f7f4ee";
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#1b2a38";
  ctx.font = layout.title.font;
  ctx.fillText(layout.title.text, layout.title.x, layout.title.y);

  const b = layout.board;
  ctx.fillStyle = "#fbfaf7";
  ctx.strokeStyle = "#8a97a3";
  ctx.lineWidth = 6;
  ctx.fillRect(b.x, b.y, b.width, b.height);
  ctx.strokeRect(b.x, b.y, b.width, b.height);

  for (const cluster of layout.clusters) {
    ctx.fillStyle = "rgba(29, 59, 83, 0.08)";
    ctx.fillRect(cluster.box.x, cluster.box.y, cluster.box.width, cluster.box.height);
    ctx.fillStyle = "#1d3b53";
    ctx.fillRect(cluster.bar.x, cluster.bar.y, cluster.bar.width, cluster.bar.height);
    ctx.fillStyle = "#ffffff";
    ctx.font = cluster.title.font;
    ctx.fillText(cluster.title.text, cluster.title.x, cluster.title.y);
  }

  for (const note of layout.notes) {
    const { x, y, width, height } = note.box;
    ctx.fillStyle = "rgba(0, 0, 0, 0.12)";
    ctx.fillRect(x + 4, y + 4, width, height);
    ctx.fillStyle = note.color;
    ctx.fillRect(x, y, width, height);
    ctx.textAlign = "center";
    ctx.fillStyle = "#1b2a38";
    ctx.font = note.font;
    for (const line of note.lines) ctx.fillText(line.text, line.x, line.y);
    if (note.author) {
      ctx.font = note.author.font;
      ctx.fillStyle = "#4a5b6b";
      ctx.fillText(note.author.text, note.author.x, note.author.y);
    }
    if (note.badge) {
      ctx.fillStyle = note.badge.top ? "#c62828" : "#6b7785";
      ctx.beginPath();
      ctx.arc(note.badge.x, note.badge.y, note.badge.radius, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = "#ffffff";
      ctx.font = `bold 14px ${FONT}`;
      ctx.fillText(String(note.badge.count), note.badge.x, note.badge.y + 1);
    }
    ctx.textAlign = "left";
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no picture"))), "image/png"),
  );
}
