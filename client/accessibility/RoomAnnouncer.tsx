import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/locale";
import { useSessionStore } from "../session/session-store";
import { useBoardsStore } from "../boards/boards-store";
import { useBoardTitle, useZoneName } from "../boards/names";
import { announcementsBetween, handPlace, type Announcement, type RoomMoment } from "./announcements";

/** How long a sentence stays in the region; cleared so the same sentence later is read again. */
const KEEP_MS = 8000;

function currentMoment(): RoomMoment | null {
  const { selfId, people } = useSessionStore.getState();
  const self = selfId ? people[selfId] : undefined;
  if (!self) return null;
  const votes: RoomMoment["votes"][number][] = [];
  for (const board of Object.values(useBoardsStore.getState().boards)) {
    if (!board.contentsVisible) continue;
    for (const vote of board.votes) votes.push({ id: vote.id, boardId: board.id, open: vote.endedAt === 0 });
  }
  return { zone: self.zone, votes, handPlace: handPlace(Object.values(people), self.id) };
}

/**
 * A polite, visually hidden live region that tells screen-reader users what a sighted person sees
 * happen in the room (see announcements.ts). It never moves the focus.
 */
export function RoomAnnouncer() {
  const t = useT();
  const zoneName = useZoneName();
  const boardTitle = useBoardTitle();
  const [text, setText] = useState("");
  const say = useRef<(items: Announcement[]) => void>(() => undefined);
  say.current = (items) => {
    const boardName = (id: string) => {
      const board = useBoardsStore.getState().boards[id];
      return board ? boardTitle(board) : "";
    };
    const sentences = items.map((item) => {
      switch (item.kind) {
        case "zone":
          return item.zoneId ? t("announce.zone", { zone: zoneName(item.zoneId) }) : t("announce.plenary");
        case "voteOpen":
          return t("announce.voteOpen", { board: boardName(item.boardId) });
        case "voteEnded":
          return t("announce.voteEnded", { board: boardName(item.boardId) });
        case "handNext":
          return t("announce.handNext");
      }
    });
    setText(sentences.join(" "));
  };

  useEffect(() => {
    let last = currentMoment();
    let clear: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const now = currentMoment();
      if (!now) return;
      const items = announcementsBetween(last, now);
      last = now;
      if (items.length === 0) return;
      say.current(items);
      clearTimeout(clear);
      clear = setTimeout(() => setText(""), KEEP_MS);
    };
    const stopSession = useSessionStore.subscribe(check);
    const stopBoards = useBoardsStore.subscribe(check);
    return () => {
      stopSession();
      stopBoards();
      clearTimeout(clear);
    };
  }, []);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="room-announcer">
      {text}
    </div>
  );
}
