import { useMemo, useState } from "react";
import { linkSecretFor } from "../session/link-secrets";
import { useLocaleStore, useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { lastEndedVote, sortedBoards, useBoardsStore, type BoardView } from "../boards/boards-store";
import { useBoardTitle } from "../boards/names";
import { drawBoard } from "./board-picture";

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

const slug = (text: string) =>
  text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "") || "board";

/**
 * The facilitator's Export tab: the session's work as Markdown, CSV and JSON (made by the server
 * from what it stored), a picture of each board (drawn here, in the browser), and deleting it all.
 */
export function ExportPanel() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const code = useSessionStore((s) => s.code);
  const all = useBoardsStore((s) => s.boards);
  const boards = useMemo(() => sortedBoards(all), [all]);
  const boardTitle = useBoardTitle();
  const [busy, setBusy] = useState(false);
  const secret = linkSecretFor("host", code);
  if (!secret) return <p className="help">{t("export.noKey")}</p>;

  const download = async (format: "md" | "csv" | "json") => {
    setBusy(true);
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const query = new URLSearchParams({ lang: locale, tz: zone });
      const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/export.${format}?${query}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      if (!response.ok) throw new Error(String(response.status));
      save(await response.blob(), fileNameFrom(response, `yhteistila.${format}`));
    } catch {
      showToast({ key: "export.failed" });
    } finally {
      setBusy(false);
    }
  };

  const picture = async (board: BoardView) => {
    const results = new Map((lastEndedVote(board)?.results ?? []).map((r) => [r.noteId, r]));
    try {
      save(await drawBoard(board, boardTitle(board), results), `${slug(boardTitle(board))}-${code}.png`);
    } catch {
      showToast({ key: "export.failed" });
    }
  };

  const remove = async () => {
    if (!confirm(t("export.confirmDelete"))) return;
    const response = await fetch(`/api/sessions/${encodeURIComponent(code)}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${secret}` },
    }).catch(() => undefined);
    if (!response?.ok) showToast({ key: "export.failed" });
  };

  return (
    <div className="export-panel">
      <h2>{t("export.heading")}</h2>
      <p className="help">{t("export.intro")}</p>
      <div className="tool-buttons">
        <button type="button" disabled={busy} onClick={() => void download("md")}>
          {t("export.markdown")}
        </button>
        <button type="button" disabled={busy} onClick={() => void download("csv")}>
          {t("export.csv")}
        </button>
        <button type="button" disabled={busy} onClick={() => void download("json")}>
          {t("export.json")}
        </button>
      </div>
      <h3>{t("export.pictures")}</h3>
      <div className="tool-buttons">
        {boards.map((board) => (
          <button key={board.id} type="button" onClick={() => void picture(board)}>
            {t("export.png", { board: boardTitle(board) })}
          </button>
        ))}
      </div>
      <h3>{t("export.delete")}</h3>
      <p className="help">{t("export.deleteHelp")}</p>
      <button type="button" className="button--danger" onClick={() => void remove()}>
        {t("export.delete")}
      </button>
    </div>
  );
}
