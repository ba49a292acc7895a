import { memo, useId, useMemo, useState } from "react";
import { NOTE_COLORS, noteHex } from "../../shared/boards/basics";
import { dotRefusal, dotsLeft } from "../../shared/boards/votes";
import { formatClock, runningUntil } from "../../shared/timers/timer";
import { useT } from "../i18n/locale";
import { useRemaining } from "../timers/use-countdown";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import {
  lastEndedVote,
  myDots,
  openVote,
  useBoard,
  useBoardsStore,
  type BoardView,
  type ClusterView,
  type NoteView,
  type VoteView,
} from "./boards-store";
import { useBoardTitle, useZoneName } from "./names";
import { NoteForm } from "./NoteForm";
import { FacilitatorTools } from "./FacilitatorTools";
import { isFacilitator, mayCluster, mayEdit, mayWrite } from "./permissions";
import { EarlierStages, StageBadge, StageNoteActions, useStageReadOnly } from "../methods/StageNoteActions";
import "./boards.css";

/** How many dots one has left in a vote, and how long it still runs. */
export function VoteStatus({ vote }: { vote: VoteView }) {
  const t = useT();
  const used = useBoardsStore((s) => s.mine.used[vote.id] ?? 0);
  const countdown = useMemo(
    () => (vote.endsAt > 0 ? runningUntil(vote.startedAt, vote.endsAt) : null),
    [vote.startedAt, vote.endsAt],
  );
  const left = useRemaining(countdown);
  const self = useSelf();
  const canVote = self?.role === "participant" || self?.role === "facilitator";
  return (
    <p className="vote-status" aria-live="polite">
      {canVote && <strong>{t("boards.vote.left", { count: dotsLeft(vote, used) })}</strong>}
      {vote.endsAt > 0 && <span> · {t("boards.vote.timeLeft", { time: formatClock(left) })}</span>}
      <span> · {t("boards.vote.voters", { count: vote.voters })}</span>
    </p>
  );
}

/** A vote's ranking, best first: an ordered list whose numbers are the ranks (ties share one). */
export function VoteResults({ vote }: { vote: VoteView }) {
  const t = useT();
  return (
    <ol className="vote-results">
      {vote.results.map((result) => (
        <li key={result.noteId} value={result.rank}>
          <span className="vote-results__text">{result.text}</span>{" "}
          <strong className="vote-results__count">{t("boards.vote.dots", { count: result.count })}</strong>
          {result.voters.length > 0 && (
            <span className="vote-results__voters">
              {" "}
              ({t("boards.vote.votersList", { names: result.voters.join(", ") })})
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

function RoundBanner({ board }: { board: BoardView }) {
  const t = useT();
  if (!board.round) return null;
  return (
    <div className="notice board-banner" role="status">
      <p>{t(board.round === "anonymous" ? "boards.round.activeAnonymous" : "boards.round.active")}</p>
      <p className="help">{t("boards.round.written", { count: board.noteCount })}</p>
    </div>
  );
}

function VoteSection({ board, headingId }: { board: BoardView; headingId: string }) {
  const t = useT();
  const open = openVote(board);
  const ended = lastEndedVote(board);
  if (!open && !ended) return null;
  return (
    <section className="board-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{open ? t("boards.vote.heading") : t("boards.vote.results")}</h3>
      {open ? (
        <>
          <VoteStatus vote={open} />
          <p className="help">{t("boards.vote.hiddenResults")}</p>
        </>
      ) : (
        ended && <VoteResults vote={ended} />
      )}
    </section>
  );
}

function DotButtons({ vote, note }: { vote: VoteView; note: NoteView }) {
  const t = useT();
  const connection = useConnection();
  const mine = useBoardsStore((s) => myDots(s.mine, vote.id, note.id));
  const used = useBoardsStore((s) => s.mine.used[vote.id] ?? 0);
  if (!vote.noteIds.includes(note.id)) return null;
  const send = (delta: 1 | -1) => connection.send("boards.dot", { voteId: vote.id, noteId: note.id, delta });
  return (
    <div className="dots" role="group" aria-label={t("boards.vote.heading")}>
      <button
        type="button"
        className="dots__button"
        onClick={() => send(-1)}
        disabled={mine === 0}
        aria-label={t("boards.vote.removeDot", { text: note.text })}
      >
        −
      </button>
      <span className="dots__count" aria-live="polite">
        {"●".repeat(mine)}
        <span className="visually-hidden">{t("boards.vote.yourDots", { count: mine })}</span>
      </span>
      <button
        type="button"
        className="dots__button"
        onClick={() => send(1)}
        disabled={dotRefusal(vote, used, mine) !== null}
        aria-label={t("boards.vote.addDot", { text: note.text })}
      >
        +
      </button>
    </div>
  );
}

const NoteItem = memo(function NoteItem({
  note,
  board,
  clusters,
}: {
  note: NoteView;
  board: BoardView;
  clusters: ClusterView[];
}) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const self = useSelf();
  const mine = useBoardsStore((s) => s.mine);
  const [editing, setEditing] = useState(false);
  const vote = openVote(board);
  const result = lastEndedVote(board)?.results.find((r) => r.noteId === note.id);
  const own = mine.notes.has(note.id);
  // An earlier stage's board is read-only (the server refuses; the buttons are not offered).
  const readOnly = useStageReadOnly(board.id);
  const canVote = self?.role === "participant" || self?.role === "facilitator";
  const meta = [
    t((NOTE_COLORS[note.color] ?? NOTE_COLORS[0]).nameKey),
    note.anonymous ? t("boards.anonymous") : note.authorName ? t("boards.by", { name: note.authorName }) : "",
    own ? t("boards.yours") : "",
    note.hidden ? t("boards.hiddenNote") : "",
    !vote && result ? t("boards.vote.dots", { count: result.count }) : "",
  ].filter(Boolean);

  if (editing) {
    return (
      <li className="note-item note-item--editing">
        <NoteForm
          initial={{ text: note.text, color: note.color }}
          submitLabel={t("boards.save")}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(draft) => {
            connection.send("boards.editNote", { noteId: note.id, ...draft });
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="note-item" data-note-id={note.id} style={{ borderLeftColor: noteHex(note.color) }}>
      <p className="note-item__text" id={`${id}-text`}>
        {note.text}
      </p>
      <p className="note-item__meta">{meta.join(" · ")}</p>
      <div className="note-item__actions" role="group" aria-label={t("boards.noteActions", { text: note.text })}>
        {vote && canVote && board.contentsVisible && <DotButtons vote={vote} note={note} />}
        <StageNoteActions note={note} boardId={board.id} />
        {mayEdit(note, self, mine) && !readOnly && (
          <>
            <button type="button" className="button--quiet" onClick={() => setEditing(true)}>
              {t("boards.edit")}
            </button>
            <button
              type="button"
              className="button--quiet button--danger"
              onClick={() => {
                if (confirm(t("boards.confirmDeleteNote"))) connection.send("boards.removeNote", { noteId: note.id });
              }}
            >
              {t("boards.delete")}
            </button>
          </>
        )}
        {mayCluster(board, self) && !readOnly && clusters.length > 0 && (
          <label className="note-item__cluster">
            <span>{t("boards.moveToCluster")}</span>
            <select
              value={note.clusterId}
              onChange={(e) => connection.send("boards.clusterNote", { noteId: note.id, clusterId: e.target.value })}
            >
              <option value="">{t("boards.noCluster")}</option>
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title || t("boards.untitledCluster")}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </li>
  );
});

function ClusterSection({ cluster, board, notes }: { cluster: ClusterView; board: BoardView; notes: NoteView[] }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const self = useSelf();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(cluster.title);
  const name = cluster.title || t("boards.untitledCluster");
  return (
    <section className="board-section cluster-section" aria-labelledby={`${id}-heading`} data-cluster-id={cluster.id}>
      <div className="cluster-section__head">
        <h4 id={`${id}-heading`}>{name}</h4>
        {mayCluster(board, self) && !renaming && (
          <>
            <button
              type="button"
              className="button--quiet"
              onClick={() => {
                setTitle(cluster.title);
                setRenaming(true);
              }}
            >
              {t("boards.renameCluster")}
            </button>
            <button
              type="button"
              className="button--quiet button--danger"
              onClick={() => {
                if (confirm(t("boards.confirmRemoveCluster", { title: name }))) {
                  connection.send("boards.removeCluster", { clusterId: cluster.id });
                }
              }}
            >
              {t("boards.removeCluster")}
            </button>
          </>
        )}
      </div>
      {renaming && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            connection.send("boards.renameCluster", { clusterId: cluster.id, title });
            setRenaming(false);
          }}
        >
          <label htmlFor={`${id}-title`} className="visually-hidden">
            {t("boards.clusterTitle")}
          </label>
          <input id={`${id}-title`} value={title} maxLength={60} autoFocus onChange={(e) => setTitle(e.target.value)} />
          <button type="submit">{t("boards.save")}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t("boards.cancel")}
          </button>
        </form>
      )}
      <NoteList notes={notes} board={board} label={name} />
    </section>
  );
}

function NoteList({ notes, board, label }: { notes: NoteView[]; board: BoardView; label: string }) {
  const t = useT();
  if (notes.length === 0) return <p className="help">{t("boards.empty")}</p>;
  return (
    <ul className="note-list" aria-label={label}>
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} board={board} clusters={board.clusters} />
      ))}
    </ul>
  );
}

/** Notes in the order to read them: by dots in the last vote when there was one, else oldest first. */
function readingOrder(board: BoardView, notes: NoteView[]): NoteView[] {
  const results = lastEndedVote(board)?.results;
  if (!results || openVote(board)) return notes;
  const count = new Map(results.map((r) => [r.noteId, r.count]));
  return [...notes].sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0) || a.createdAt - b.createdAt);
}

/**
 * The accessible 2D view of one board: headings per cluster, notes as list items with their text,
 * colour and author in words, and buttons for everything the 3D board offers (write, edit, delete,
 * cluster, vote). Works with a keyboard, a screen reader and on a phone.
 */
export function BoardView2D({ boardId }: { boardId: string }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const board = useBoard(boardId);
  const self = useSelf();
  const boardTitle = useBoardTitle();
  const zoneName = useZoneName();
  const readOnly = useStageReadOnly(boardId);
  if (!board) return null;
  const title = boardTitle(board);
  const where = board.zoneId ? t("boards.inZone", { zone: zoneName(board.zoneId) }) : t("boards.inPlenary");
  const clustered = new Set(board.clusters.map((c) => c.id));
  const loose = readingOrder(
    board,
    board.notes.filter((n) => !clustered.has(n.clusterId)),
  );

  return (
    <article className="board-2d" aria-labelledby={`${id}-title`} data-board-id={board.id}>
      <header className="board-2d__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="board-2d__meta">
          {where} · {t("boards.noteCount", { count: board.noteCount })}
          {board.locked && <span className="badge badge--muted">{t("boards.locked")}</span>}
          <StageBadge boardId={board.id} />
        </p>
      </header>
      {!board.contentsVisible ? (
        <p className="notice">{t("boards.notVisible", { zone: zoneName(board.zoneId) })}</p>
      ) : (
        <>
          <RoundBanner board={board} />
          {board.locked && !isFacilitator(self) && <p className="help">{t("boards.lockedHelp")}</p>}
          <VoteSection board={board} headingId={`${id}-vote`} />
          <EarlierStages boardId={board.id} />
          {mayWrite(board, self) && !readOnly && (
            <section className="board-section" aria-labelledby={`${id}-new`}>
              <h3 id={`${id}-new`}>{t("boards.newNote")}</h3>
              <NoteForm
                submitLabel={t("boards.add")}
                onSubmit={(draft) => connection.send("boards.addNote", { boardId: board.id, ...draft })}
              />
            </section>
          )}
          <section className="board-section" aria-labelledby={`${id}-notes`}>
            <h3 id={`${id}-notes`}>{t("boards.notes")}</h3>
            {board.clusters.map((cluster) => (
              <ClusterSection
                key={cluster.id}
                cluster={cluster}
                board={board}
                notes={readingOrder(
                  board,
                  board.notes.filter((n) => n.clusterId === cluster.id),
                )}
              />
            ))}
            {(loose.length > 0 || board.clusters.length === 0) && (
              <section className="board-section" aria-labelledby={`${id}-loose`}>
                {board.clusters.length > 0 && <h4 id={`${id}-loose`}>{t("boards.unclustered")}</h4>}
                <NoteList notes={loose} board={board} label={t("boards.unclustered")} />
              </section>
            )}
          </section>
          <PastVotes board={board} />
        </>
      )}
      {isFacilitator(self) && <FacilitatorTools board={board} />}
    </article>
  );
}

function PastVotes({ board }: { board: BoardView }) {
  const t = useT();
  const past = board.votes.filter((v) => v.endedAt > 0).slice(0, -1);
  if (past.length === 0) return null;
  return (
    <details className="board-section">
      <summary>{t("boards.vote.past")}</summary>
      {past.reverse().map((vote) => (
        <div key={vote.id}>
          <p className="help">
            {t("boards.vote.endedAt", {
              time: new Date(vote.endedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
            })}
          </p>
          <VoteResults vote={vote} />
        </div>
      ))}
    </details>
  );
}
