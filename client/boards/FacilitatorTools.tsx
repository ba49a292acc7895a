import { useContext, useId, useState, type FormEvent } from "react";
import { BOARD_TITLE_MAX, CLUSTER_TITLE_MAX, VOTE_LIMITS } from "../../shared/boards/basics";
import { LAB } from "../../shared/space/layout";
import { useT } from "../i18n/locale";
import { LocalPlayerContext } from "../movement/local-player";
import { useConnection } from "../session/connection-context";
import { openVote, type BoardView } from "./boards-store";
import { useBoardTitle, useZoneName } from "./names";
import { useZonesStore } from "../zones/zones-store";

/** A spot two metres in front of the person, facing them: where "put a board here" puts it. */
export function placementInFrontOf(player: { x: number; z: number; yaw: number }): {
  x: number;
  z: number;
  yaw: number;
} {
  const x = player.x - Math.sin(player.yaw) * 2;
  const z = player.z - Math.cos(player.yaw) * 2;
  const yaw = Math.round((Math.atan2(player.x - x, player.z - z) * 180) / Math.PI);
  const { walls } = LAB;
  const clampM = (v: number, min: number, max: number) => Math.max(min + 0.2, Math.min(max - 0.2, v));
  return {
    x: Math.round(clampM(x, walls.minX, walls.maxX) * 100),
    z: Math.round(clampM(z, walls.minZ, walls.maxZ) * 100),
    yaw: yaw > 180 ? yaw - 360 : yaw,
  };
}

function Round({ board }: { board: BoardView }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [anonymous, setAnonymous] = useState(false);
  return (
    <fieldset className="tool-group">
      <legend>{t("boards.round.heading")}</legend>
      {board.round ? (
        <>
          <p className="help">{t("boards.round.written", { count: board.noteCount })}</p>
          <button
            type="button"
            className="button--primary"
            onClick={() => connection.send("boards.round", { action: "reveal", boardId: board.id })}
          >
            {t("boards.round.reveal")}
          </button>
        </>
      ) : (
        <>
          <label className="checkbox" htmlFor={`${id}-anon`}>
            <input
              id={`${id}-anon`}
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            <span>{t("boards.round.anonymous")}</span>
          </label>
          <button
            type="button"
            onClick={() => connection.send("boards.round", { action: "start", boardId: board.id, anonymous })}
          >
            {t("boards.round.start")}
          </button>
        </>
      )}
    </fieldset>
  );
}

function Vote({ board }: { board: BoardView }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [perPerson, setPerPerson] = useState(3);
  const [maxPerNote, setMaxPerNote] = useState(1);
  const [anonymous, setAnonymous] = useState(true);
  const [minutes, setMinutes] = useState(0);
  const open = openVote(board);
  const start = (event: FormEvent) => {
    event.preventDefault();
    connection.send("boards.startVote", {
      boardId: board.id,
      perPerson,
      maxPerNote: Math.min(maxPerNote, perPerson),
      anonymous,
      durationSeconds: minutes > 0 ? Math.max(VOTE_LIMITS.duration.min, Math.round(minutes * 60)) : 0,
    });
  };
  return (
    <fieldset className="tool-group">
      <legend>{t("boards.vote.heading")}</legend>
      {open ? (
        <button
          type="button"
          className="button--primary"
          onClick={() => connection.send("boards.endVote", { voteId: open.id })}
        >
          {t("boards.vote.end")}
        </button>
      ) : (
        <form onSubmit={start} className="tool-form">
          <label htmlFor={`${id}-per`}>{t("boards.vote.perPerson")}</label>
          <input
            id={`${id}-per`}
            type="number"
            min={VOTE_LIMITS.perPerson.min}
            max={VOTE_LIMITS.perPerson.max}
            value={perPerson}
            onChange={(e) => setPerPerson(Number(e.target.value) || 1)}
          />
          <label htmlFor={`${id}-max`}>{t("boards.vote.maxPerNote")}</label>
          <input
            id={`${id}-max`}
            type="number"
            min={VOTE_LIMITS.maxPerNote.min}
            max={perPerson}
            value={maxPerNote}
            onChange={(e) => setMaxPerNote(Number(e.target.value) || 1)}
          />
          <label htmlFor={`${id}-min`}>{t("boards.vote.duration")}</label>
          <input
            id={`${id}-min`}
            type="number"
            min={0}
            max={VOTE_LIMITS.duration.max / 60}
            value={minutes}
            onChange={(e) => setMinutes(Math.max(0, Number(e.target.value) || 0))}
          />
          <label className="checkbox tool-form__wide" htmlFor={`${id}-anon`}>
            <input
              id={`${id}-anon`}
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            <span>{t("boards.vote.anonymous")}</span>
          </label>
          <button type="submit" className="tool-form__wide" disabled={board.round !== ""}>
            {t("boards.vote.start")}
          </button>
        </form>
      )}
    </fieldset>
  );
}

function Settings({ board }: { board: BoardView }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const player = useContext(LocalPlayerContext);
  const boardTitle = useBoardTitle();
  const zoneName = useZoneName();
  const [title, setTitle] = useState(board.title);
  const zoneIds = useZonesStore((s) => s.zones).map((zone) => zone.id);
  const zones = [...new Set([...zoneIds, ...(board.zoneId ? [board.zoneId] : [])])];
  const update = (fields: Record<string, unknown>) =>
    connection.send("boards.update", { boardId: board.id, ...fields });
  return (
    <fieldset className="tool-group">
      <legend>{t("boards.facilitate")}</legend>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          update({ title });
        }}
      >
        <label htmlFor={`${id}-title`}>{t("boards.title")}</label>
        <input
          id={`${id}-title`}
          value={title}
          placeholder={boardTitle({ ...board, title: "" })}
          maxLength={BOARD_TITLE_MAX}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit">{t("boards.save")}</button>
      </form>
      <label htmlFor={`${id}-zone`}>{t("boards.zone")}</label>
      <select id={`${id}-zone`} value={board.zoneId} onChange={(e) => update({ zoneId: e.target.value })}>
        <option value="">{t("boards.plenary")}</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zoneName(zone)}
          </option>
        ))}
      </select>
      <label className="checkbox" htmlFor={`${id}-lock`}>
        <input
          id={`${id}-lock`}
          type="checkbox"
          checked={board.locked}
          onChange={(e) => update({ locked: e.target.checked })}
        />
        <span>{t("boards.lock")}</span>
      </label>
      <label className="checkbox" htmlFor={`${id}-cluster`}>
        <input
          id={`${id}-cluster`}
          type="checkbox"
          checked={board.clustering}
          onChange={(e) => update({ clustering: e.target.checked })}
        />
        <span>{t("boards.allowClustering")}</span>
      </label>
      <div className="tool-buttons">
        {player && (
          <button type="button" onClick={() => update(placementInFrontOf(player))}>
            {t("boards.placeHere")}
          </button>
        )}
        <button
          type="button"
          className="button--danger"
          onClick={() => {
            if (confirm(t("boards.confirmRemoveBoard", { title: boardTitle(board) }))) {
              connection.send("boards.remove", { boardId: board.id });
            }
          }}
        >
          {t("boards.removeBoard")}
        </button>
      </div>
    </fieldset>
  );
}

function NewCluster({ board }: { board: BoardView }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [title, setTitle] = useState("");
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        connection.send("boards.addCluster", { boardId: board.id, title });
        setTitle("");
      }}
    >
      <label htmlFor={`${id}-title`}>{t("boards.newCluster")}</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={CLUSTER_TITLE_MAX}
        placeholder={t("boards.clusterTitle")}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit">{t("boards.addCluster")}</button>
    </form>
  );
}

/** Everything a facilitator does to a board, in plain HTML controls (the same work as in 3D). */
export function FacilitatorTools({ board }: { board: BoardView }) {
  const t = useT();
  return (
    <details className="facilitator-tools" open>
      <summary>{t("boards.facilitate")}</summary>
      <Round board={board} />
      <Vote board={board} />
      <fieldset className="tool-group">
        <legend>{t("boards.clusters")}</legend>
        <NewCluster board={board} />
      </fieldset>
      <Settings board={board} />
    </details>
  );
}

/** Puts up a new board in front of the facilitator (a custom board in the plenary). */
export function AddBoardButton() {
  const t = useT();
  const connection = useConnection();
  const player = useContext(LocalPlayerContext);
  if (!player) return null;
  return (
    <button
      type="button"
      onClick={() =>
        connection.send("boards.create", {
          title: "",
          zoneId: "",
          width: 300,
          height: 160,
          ...placementInFrontOf(player),
        })
      }
    >
      {t("boards.addBoard")}
    </button>
  );
}
