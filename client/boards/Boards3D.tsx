import { memo, useMemo, useRef } from "react";
import { useFrame, type ThreeEvent } from "@react-three/fiber";
import { DoubleSide, Vector3, type Group } from "three";
import { BOARD_BOTTOM_M, NOTE_SIZE_CM } from "../../shared/boards/basics";
import { dotRefusal, dotsLeft } from "../../shared/boards/votes";
import { clampNote, PLENARY_CONTENT_RANGE_M } from "../../shared/boards/geometry";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { Label3D } from "../text/Label3D";
import { isStillClick } from "../space/interaction";
import {
  lastEndedVote,
  myDots,
  openVote,
  sortedBoards,
  useBoard,
  useBoardsStore,
  type BoardView,
  type ClusterView,
  type NoteView,
  type VoteView,
} from "./boards-store";
import { useBoardTitle, useZoneName } from "./names";
import { mayCluster, mayEdit, mayMove, mayWrite } from "./permissions";
import { openNoteDialog } from "./note-dialog";
import { NoteFace } from "./NoteFace";
import { boardClick, noteClick } from "./note-click";
import { BoardFocus } from "./BoardFocus";
import { pointOnBoard, useBoardDrag } from "./board-drag";
import { showToast } from "../ui/toast-store";
import { useStageMark, useStageReadOnly } from "../methods/StageNoteActions";
import { StageNoteControls3D } from "../methods/StageNoteControls3D";
import { DesktopOnly } from "../xr/guards";

/**
 * Beyond this distance a zone board's notes are not drawn: unreadable anyway, and each one costs
 * draw calls. Plenary boards reach everyone standing in the plenary (PLENARY_CONTENT_RANGE_M).
 */
const CONTENT_RANGE_M = 16;
const NOTE_M = NOTE_SIZE_CM / 100;
/**
 * The title and status line above a board grow with the board: a zone board's are read from its
 * circle, the 10 m note wall's from across the plenary (the lab had a second, larger sign for it just
 * above the board's own title). Heights are metres above the board's top edge, status nearest.
 */
function headingLayout(widthM: number) {
  const status = Math.min(0.14, Math.max(0.09, widthM * 0.014));
  const title = Math.min(0.28, Math.max(0.13, widthM * 0.028));
  return { status, statusAt: 0.04 + status / 2, title, titleAt: 0.08 + status + title / 2 };
}
/** Board-local centimetres (from the top-left, y down) to the board group's metres (from the centre, y up). */
function toLocal(board: Pick<BoardView, "width" | "height">, x: number, y: number): [number, number] {
  return [(x - board.width / 2) / 100, (board.height / 2 - y) / 100];
}

function DotControls({ vote, note }: { vote: VoteView; note: NoteView }) {
  const connection = useConnection();
  const mine = useBoardsStore((s) => myDots(s.mine, vote.id, note.id));
  const used = useBoardsStore((s) => s.mine.used[vote.id] ?? 0);
  if (!vote.noteIds.includes(note.id)) return null;
  const send = (delta: 1 | -1) => (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    connection.send("boards.dot", { voteId: vote.id, noteId: note.id, delta });
  };
  const canAdd = dotRefusal(vote, used, mine) === null;
  const half = NOTE_M / 2;
  // A press on a dot button is not the start of dragging the note.
  const hold = (event: ThreeEvent<PointerEvent>) => event.stopPropagation();
  return (
    <>
      {mine > 0 && (
        // Our dots on the note, big enough to see from where one stands to vote.
        <group name="my-dots" position={[half - 0.035, half - 0.035, 0.004]}>
          <mesh>
            <circleGeometry args={[0.03, 24]} />
            <meshBasicMaterial color="#c62828" />
          </mesh>
          <Label3D position={[0, 0, 0.001]} fontSize={0.034} color="#ffffff" anchorX="center" anchorY="middle" bold>
            {String(mine)}
          </Label3D>
        </group>
      )}
      <group position={[0, -half - 0.03, 0.004]}>
        {mine > 0 && (
          <mesh
            name="dot-remove"
            position={[half - 0.075, 0, 0]}
            onClick={send(-1)}
            onPointerDown={hold}
            onPointerUp={hold}
          >
            <circleGeometry args={[0.018, 16]} />
            <meshBasicMaterial color="#ffffff" />
            <Label3D position={[0, 0, 0.001]} fontSize={0.03} color="#1b2a38" anchorX="center" anchorY="middle">
              −
            </Label3D>
          </mesh>
        )}
        <mesh
          name="dot-add"
          position={[half - 0.025, 0, 0]}
          onClick={canAdd ? send(1) : undefined}
          onPointerDown={hold}
          onPointerUp={hold}
        >
          <circleGeometry args={[0.018, 16]} />
          <meshBasicMaterial color={canAdd ? "#c62828" : "#b0b0b0"} />
          <Label3D position={[0, 0, 0.001]} fontSize={0.03} color="#ffffff" anchorX="center" anchorY="middle">
            +
          </Label3D>
        </mesh>
      </group>
    </>
  );
}

const Note3D = memo(function Note3D({
  note,
  board,
  surface,
}: {
  note: NoteView;
  board: BoardView;
  surface: React.RefObject<Group | null>;
}) {
  const connection = useConnection();
  const self = useSelf();
  const mine = useBoardsStore((s) => s.mine);
  const group = useRef<Group>(null);
  // An earlier stage's board is read-only: its notes neither move nor open for editing.
  const readOnly = useStageReadOnly(board.id);
  const stageMark = useStageMark(note.id);
  const movable = mayMove(note, board, self, mine) && !readOnly;
  const [lx, ly] = toLocal(board, note.x, note.y);
  const vote = openVote(board);
  const result = vote ? undefined : lastEndedVote(board)?.results.find((r) => r.noteId === note.id);

  const placed = useRef(note);
  placed.current = note;
  // A still click (or a controller's trigger, a hand's pinch): a dot while we vote, else the editor.
  const onSelect = () => {
    const now = useBoardsStore.getState().mine;
    const canVote = board.contentsVisible && (self?.role === "participant" || self?.role === "facilitator");
    const action = noteClick({
      vote,
      canVote,
      noteId: note.id,
      mine: vote ? myDots(now, vote.id, note.id) : 0,
      used: vote ? (now.used[vote.id] ?? 0) : 0,
      mayEdit: mayEdit(note, self, now) && !readOnly,
    });
    if (action.kind === "edit") openNoteDialog({ kind: "edit", noteId: note.id, boardId: board.id });
    else if (action.kind === "notInVote") showToast({ key: "boards.vote.notInVote" });
    else if (vote && action.kind === "dot") {
      connection.send("boards.dot", { voteId: vote.id, noteId: note.id, delta: 1 });
    } else if (vote && action.kind === "undot") {
      for (let i = 0; i < action.count; i++)
        connection.send("boards.dot", { voteId: vote.id, noteId: note.id, delta: -1 });
    }
  };
  const handlers = useBoardDrag({
    surface,
    board,
    at: note,
    canGrab: true,
    canMove: movable,
    keep: (x, y) => clampNote(board, x, y),
    onDrag(spot) {
      const [x, y] = toLocal(board, spot.x, spot.y);
      group.current?.position.set(x, y, 0.02);
    },
    onRelease(drop) {
      if (drop) {
        connection.send("boards.moveNote", { noteId: note.id, ...drop });
        // Stay where dropped; the server's answer (or a refusal) sets the final place. Read the note
        // as it is by then: this render's copy is the place before the move.
        window.setTimeout(() => {
          const [x, y] = toLocal(board, placed.current.x, placed.current.y);
          if (!handlers.dragging.current) group.current?.position.set(x, y, 0.012);
        }, 1500);
      } else {
        onSelect();
      }
    },
  });

  return (
    <group
      ref={group}
      name={`note:${note.id}`}
      position={[lx, ly, 0.012]}
      onPointerDown={handlers.onPointerDown}
      onPointerMove={handlers.onPointerMove}
      onPointerUp={handlers.onPointerUp}
      onPointerCancel={handlers.onPointerCancel}
      onClick={handlers.onClick}
    >
      <NoteFace note={note} mark={stageMark} />
      {result && result.count > 0 && (
        <group position={[NOTE_M / 2 - 0.02, NOTE_M / 2 - 0.02, 0.003]}>
          <mesh>
            <circleGeometry args={[0.022, 20]} />
            <meshBasicMaterial color={result.rank <= 3 ? "#c62828" : "#6b7785"} />
          </mesh>
          <Label3D position={[0, 0, 0.001]} fontSize={0.022} color="#ffffff" anchorX="center" anchorY="middle" bold>
            {String(result.count)}
          </Label3D>
        </group>
      )}
      {vote && board.contentsVisible && (self?.role === "participant" || self?.role === "facilitator") && (
        <DotControls vote={vote} note={note} />
      )}
      <StageNoteControls3D
        noteId={note.id}
        boardId={board.id}
        corner={vote !== undefined || (result?.count ?? 0) > 0}
      />
    </group>
  );
});

function Cluster3D({
  cluster,
  board,
  surface,
}: {
  cluster: ClusterView;
  board: BoardView;
  surface: React.RefObject<Group | null>;
}) {
  const t = useT();
  const connection = useConnection();
  const self = useSelf();
  const group = useRef<Group>(null);
  const movable = mayCluster(board, self);
  const w = cluster.width / 100;
  const h = cluster.height / 100;
  const [cx, cy] = toLocal(board, cluster.x + cluster.width / 2, cluster.y + cluster.height / 2);
  const title = cluster.title || t("boards.untitledCluster");

  const handlers = useBoardDrag({
    surface,
    board,
    at: cluster,
    canGrab: movable,
    canMove: movable,
    keep: (x, y) => ({
      x: Math.round(Math.max(0, Math.min(board.width - cluster.width, x))),
      y: Math.round(Math.max(0, Math.min(board.height - cluster.height, y))),
    }),
    onDrag(spot) {
      group.current?.position.set((spot.x - cluster.x) / 100, -(spot.y - cluster.y) / 100, 0);
    },
    onRelease(drop) {
      if (drop) connection.send("boards.moveCluster", { clusterId: cluster.id, ...drop });
      // The frame snaps back; the server moves it (and its notes) for everyone at once.
      group.current?.position.set(0, 0, 0);
    },
  });

  return (
    <group ref={group} name={`cluster:${cluster.id}`}>
      <mesh position={[cx, cy, 0.005]}>
        <planeGeometry args={[w, h]} />
        <meshLambertMaterial color="#ffffff" transparent opacity={0.45} />
      </mesh>
      <mesh
        name="cluster-handle"
        position={[cx, cy + h / 2 - 0.05, 0.007]}
        onPointerDown={handlers.onPointerDown}
        onPointerMove={handlers.onPointerMove}
        onPointerUp={handlers.onPointerUp}
        onPointerCancel={handlers.onPointerCancel}
        onClick={handlers.onClick}
      >
        <planeGeometry args={[w, 0.1]} />
        <meshLambertMaterial color="#1d3b53" transparent opacity={0.85} />
      </mesh>
      <Label3D
        position={[cx - w / 2 + 0.02, cy + h / 2 - 0.05, 0.009]}
        fontSize={0.045}
        maxWidth={Math.max(0.1, w - 0.04)}
        color="#ffffff"
        anchorX="left"
        anchorY="middle"
        bold
      >
        {title}
      </Label3D>
    </group>
  );
}

function BoardStatus({ board }: { board: BoardView }) {
  const t = useT();
  const self = useSelf();
  const readOnly = useStageReadOnly(board.id);
  const vote = openVote(board);
  const used = useBoardsStore((s) => (vote ? (s.mine.used[vote.id] ?? 0) : 0));
  const canVote = board.contentsVisible && (self?.role === "participant" || self?.role === "facilitator");
  // Also what a headset shows, where the HTML cards are not drawn: the round, and our dots left.
  const parts = [
    board.locked ? t("boards.locked") : "",
    readOnly ? t("stages.readOnly") : "",
    board.round ? t(board.round === "anonymous" ? "boards.round.headingAnonymous" : "boards.round.heading") : "",
    board.round ? t("boards.round.written", { count: board.noteCount }) : "",
    vote ? t("boards.vote.heading") : "",
    vote && canVote ? t("boards.vote.left", { count: dotsLeft(vote, used) }) : "",
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Label3D
      name={`board-status:${board.id}`}
      position={[0, board.height / 200 + headingLayout(board.width / 100).statusAt, 0.01]}
      fontSize={headingLayout(board.width / 100).status}
      color="#4a5b6b"
      anchorX="center"
      anchorY="middle"
      maxWidth={board.width / 100}
    >
      {parts.join(" · ")}
    </Label3D>
  );
}

const Board3D = memo(function Board3D({ boardId }: { boardId: string }) {
  const t = useT();
  const board = useBoard(boardId);
  const self = useSelf();
  const boardTitle = useBoardTitle();
  const zoneName = useZoneName();
  const surface = useRef<Group>(null);
  const contents = useRef<Group>(null);
  const readOnly = useStageReadOnly(boardId);
  const centre = useMemo(() => new Vector3(), []);

  useFrame(({ camera }) => {
    const group = surface.current;
    if (!group || !contents.current) return;
    group.getWorldPosition(centre);
    const range = board?.zoneId ? CONTENT_RANGE_M : PLENARY_CONTENT_RANGE_M;
    contents.current.visible = camera.position.distanceTo(centre) < range;
  });

  if (!board) return null;
  const w = board.width / 100;
  const h = board.height / 100;
  const writable = mayWrite(board, self) && !readOnly;
  const voting =
    openVote(board) !== undefined &&
    board.contentsVisible &&
    (self?.role === "participant" || self?.role === "facilitator");

  const onBoardClick = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    // A drag to look around ends in a click too; only a still click asks for a new note.
    if (!isStillClick(event) || !surface.current) return;
    const action = boardClick({ voting, mayWrite: writable });
    if (action.kind === "voteHint") showToast({ key: "boards.vote.boardClickHint" });
    if (action.kind !== "newNote") return;
    const at = pointOnBoard(event as unknown as ThreeEvent<PointerEvent>, surface.current, board);
    if (!at) return;
    const spot = clampNote(board, at.x, at.y);
    openNoteDialog({ kind: "new", boardId: board.id, x: spot.x, y: spot.y });
  };

  return (
    <group
      name={`board:${board.id}`}
      position={[board.x / 100, BOARD_BOTTOM_M + h / 2, board.z / 100]}
      rotation-y={(board.yaw * Math.PI) / 180}
    >
      <group ref={surface}>
        <mesh position-z={-0.02}>
          <boxGeometry args={[w + 0.08, h + 0.08, 0.03]} />
          <meshLambertMaterial color="#8a97a3" />
        </mesh>
        <mesh name="board-surface" onClick={onBoardClick}>
          <planeGeometry args={[w, h]} />
          <meshLambertMaterial color="#fbfaf7" side={DoubleSide} />
        </mesh>
        {[-1, 1].map((side) => (
          <mesh key={side} position={[side * (w / 2 - 0.1), -h / 2 - BOARD_BOTTOM_M / 2, -0.03]}>
            <boxGeometry args={[0.05, BOARD_BOTTOM_M, 0.05]} />
            <meshLambertMaterial color="#8a97a3" />
          </mesh>
        ))}
        <Label3D
          position={[0, h / 2 + headingLayout(w).titleAt, 0.01]}
          fontSize={headingLayout(w).title}
          color="#1b2a38"
          anchorX="center"
          anchorY="middle"
          maxWidth={Math.max(1, w)}
          bold
        >
          {boardTitle(board)}
        </Label3D>
        <BoardStatus board={board} />
        <group ref={contents}>
          {board.contentsVisible ? (
            <>
              {board.clusters.map((cluster) => (
                <Cluster3D key={cluster.id} cluster={cluster} board={board} surface={surface} />
              ))}
              {board.notes.map((note) => (
                <Note3D key={note.id} note={note} board={board} surface={surface} />
              ))}
            </>
          ) : (
            <Label3D
              position={[0, 0, 0.01]}
              fontSize={0.07}
              color="#4a5b6b"
              anchorX="center"
              anchorY="middle"
              maxWidth={w - 0.2}
            >
              {t("boards.notVisible", { zone: zoneName(board.zoneId) })}
            </Label3D>
          )}
        </group>
      </group>
    </group>
  );
});

/**
 * Every board standing in the lab. Notes are dragged by pointer events on their meshes, which a
 * mouse, a VR controller's ray and a tracked hand all produce; clicking empty board space writes a
 * note there, clicking one's own note edits it, and during a vote a click on a note is a dot
 * (client/boards/note-click.ts), with small + and − buttons under each note as well. A staged
 * method's note actions (TRIZ's tag and owner) are toggles on the note (client/methods/StageNoteControls3D).
 */
export function Boards3D() {
  const boards = useBoardsStore((s) => s.boards);
  const ids = useMemo(() => sortedBoards(boards).map((b) => b.id), [boards]);
  return (
    <group name="boards">
      {ids.map((id) => (
        <Board3D key={id} boardId={id} />
      ))}
      <DesktopOnly>
        <BoardFocus />
      </DesktopOnly>
    </group>
  );
}
