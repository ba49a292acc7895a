import "./debrief.css";
import { useEffect, useMemo, useRef, useState } from "react";
import type { TimelineResponse } from "../../shared/protocol";
import { prepareTimeline, stateAt } from "../../shared/timeline/replay";
import { boardsOf, markersOf, zonesOf, type BoardView, type Marker } from "../../shared/timeline/markers";
import { PageShell } from "../ui/PageShell";
import { Loading } from "../ui/Loading";
import { useLocaleStore, useT, type Translate } from "../i18n/locale";
import { ApiError } from "../session/api";
import { sessionPath } from "../app/route";
import { debriefSecret, fetchTimeline } from "./api";
import { RoomList, TopView } from "./TopView";
import { DebriefSpeaking } from "./DebriefSpeaking";

const SPEEDS = [1, 2, 4, 8, 16] as const;
/** The picture follows playback in steps this long (ms of session time), which keeps 16x smooth. */
const FRAME_MS = 250;

type Phase = { name: "loading" } | { name: "refused" } | { name: "failed" } | { name: "ready"; data: TimelineResponse };

function useClockFormat() {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(
    () => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
    [locale],
  );
}

/**
 * The debrief (issue 11): facilitators and the coach scrub or play the session's timeline and see the
 * room from above and the boards as they were. Everything comes from our own server's log, rebuilt
 * in this page by the same pure function the tests check against the live room (shared/timeline).
 */
export function DebriefPage({ code }: { code: string }) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ name: "loading" });
  useEffect(() => {
    fetchTimeline(code, debriefSecret(code)).then(
      (data) => setPhase({ name: "ready", data }),
      (error) =>
        setPhase(
          error instanceof ApiError && (error.status === 403 || error.status === 401)
            ? { name: "refused" }
            : { name: "failed" },
        ),
    );
  }, [code]);
  // During the session the log grows: a coach going through the first half with the trainee in a
  // break sees the rest arrive. The secret was taken from the link on the first read; ask again with it.
  const live = phase.name === "ready" && phase.data.on;
  const secret = useMemo(() => debriefSecret(code), [code]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      fetchTimeline(code, secret).then(
        (data) =>
          setPhase((current) =>
            current.name === "ready" && current.data.items.length === data.items.length
              ? current
              : { name: "ready", data },
          ),
        () => undefined,
      );
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [code, live, secret]);
  if (phase.name === "loading") return <Loading label={t("timeline.loading")} />;
  if (phase.name !== "ready") {
    return (
      <PageShell narrow>
        <p role="alert">{t(phase.name === "refused" ? "timeline.forbidden" : "timeline.failed")}</p>
        <a className="button" href={sessionPath(code)}>
          {t("timeline.back")}
        </a>
      </PageShell>
    );
  }
  return <Debrief code={code} data={phase.data} />;
}

function markerLabel(t: Translate, marker: Marker): string {
  switch (marker.kind) {
    case "start":
      return t("timeline.markerStart");
    case "stop":
      return t("timeline.markerStop");
    case "step":
      return t("timeline.markerStep", { number: marker.step + 1, title: marker.title });
    case "observation":
      return t("timeline.markerObservation", { author: marker.author, text: marker.text });
  }
}

/** How often a debrief opened during the session reads the log again. */
const LIVE_REFRESH_MS = 10_000;

function Debrief({ code, data }: { code: string; data: TimelineResponse }) {
  const t = useT();
  const clock = useClockFormat();
  const timeline = useMemo(() => prepareTimeline(data.items), [data]);
  const markers = useMemo(() => markersOf(data.items), [data]);
  // The slider moves in whole seconds from the start: its end is the first whole second past the last entry.
  const end = timeline.from + Math.ceil((timeline.to - timeline.from) / 1000) * 1000;
  const [at, setAt] = useState(timeline.from);
  // Standing at the very end follows the log as it grows; anywhere else stays where it was put.
  const lastEnd = useRef(end);
  useEffect(() => {
    setAt((previous) => (previous === lastEnd.current ? end : previous));
    lastEnd.current = end;
  }, [end]);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(4);
  // Exactly the chosen moment when paused (a marker's own millisecond); in steps while playing.
  const frame = playing ? Math.floor(at / FRAME_MS) * FRAME_MS : at;
  const state = useMemo(() => stateAt(timeline, frame), [timeline, frame]);
  const zones = useMemo(() => zonesOf(state), [state]);
  const boards = useMemo(() => boardsOf(state), [state]);
  const last = useRef<number | null>(null);

  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    const tick = (now: number) => {
      const elapsed = last.current === null ? 0 : now - last.current;
      last.current = now;
      let ended = false;
      setAt((previous) => {
        const next = previous + elapsed * speed;
        if (next >= end) ended = true;
        return Math.min(next, end);
      });
      if (ended) setPlaying(false);
      else handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(handle);
      last.current = null;
    };
  }, [playing, speed, end]);

  const seek = (value: number) => setAt(Math.max(timeline.from, Math.min(end, value)));
  const span = Math.max(1, end - timeline.from);
  const elapsed = (ms: number) => {
    const s = Math.max(0, Math.round((ms - timeline.from) / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };

  if (data.items.length === 0) {
    return (
      <PageShell narrow>
        <h1>{t("timeline.debriefTitle", { title: data.title })}</h1>
        <p>{t("timeline.empty")}</p>
        <a className="button" href={sessionPath(code)}>
          {t("timeline.back")}
        </a>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <div className="debrief">
        <h1 className="debrief__title">{t("timeline.debriefTitle", { title: data.title })}</h1>
        <section className="debrief__controls" aria-label={t("timeline.position")}>
          <div className="debrief__buttons">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                if (!playing && at >= end) setAt(timeline.from);
                setPlaying(!playing);
              }}
              data-testid="debrief-play"
            >
              {playing ? t("timeline.pause") : t("timeline.play")}
            </button>
            <button type="button" className="button" onClick={() => seek(at - 10_000)}>
              {t("timeline.back10")}
            </button>
            <button type="button" className="button" onClick={() => seek(at + 10_000)}>
              {t("timeline.forward10")}
            </button>
            <label className="debrief__speed">
              {t("timeline.speed")}{" "}
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="debrief-speed">
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
            <output className="debrief__time" data-testid="debrief-time" aria-live="off">
              {clock.format(at)} ({elapsed(at)})
            </output>
          </div>
          <div className="debrief__track">
            <input
              type="range"
              className="debrief__slider"
              min={timeline.from}
              max={end}
              // "any": a marker's own millisecond shows where it is; the keys below move in seconds and minutes.
              step="any"
              value={at}
              onKeyDown={(e) => {
                const by = {
                  ArrowLeft: -1000,
                  ArrowDown: -1000,
                  ArrowRight: 1000,
                  ArrowUp: 1000,
                  PageDown: -60_000,
                  PageUp: 60_000,
                }[e.key];
                const to =
                  e.key === "Home" ? timeline.from : e.key === "End" ? end : by !== undefined ? at + by : undefined;
                if (to === undefined) return;
                e.preventDefault();
                setPlaying(false);
                seek(to);
              }}
              aria-label={t("timeline.position")}
              aria-valuetext={`${clock.format(at)} (${elapsed(at)})`}
              onChange={(e) => {
                setPlaying(false);
                seek(Number(e.target.value));
              }}
              data-testid="debrief-slider"
            />
            <div className="debrief__ticks" aria-hidden="true">
              {markers.map((m, i) => (
                <span
                  key={i}
                  className={`debrief__tick debrief__tick--${m.kind}`}
                  style={{ left: `${((m.at - timeline.from) / span) * 100}%` }}
                />
              ))}
            </div>
          </div>
        </section>

        <div className="debrief__body">
          <section className="debrief__panel" aria-labelledby="debrief-room">
            <h2 id="debrief-room">{t("timeline.room")}</h2>
            {state.recording ? (
              <>
                <TopView state={state} zones={zones} />
                <RoomList state={state} zones={zones} />
              </>
            ) : (
              <p>{t("timeline.notRecording")}</p>
            )}
          </section>
          <section className="debrief__panel" aria-labelledby="debrief-boards" data-testid="debrief-boards">
            <h2 id="debrief-boards">{t("timeline.boards")}</h2>
            {boards.map((board) => (
              <BoardList key={board.id} board={board} zoneLetter={zones.find((z) => z.id === board.zoneId)?.letter} />
            ))}
          </section>
          <DebriefSpeaking items={data.items} at={frame} />
          <section className="debrief__panel debrief__markers" aria-labelledby="debrief-markers">
            <h2 id="debrief-markers">{t("timeline.markers")}</h2>
            <ol>
              {markers.map((marker, i) => (
                <li key={i} className={`debrief__marker debrief__marker--${marker.kind}`}>
                  <button
                    type="button"
                    className="debrief__jump"
                    aria-current={Math.abs(marker.at - at) < 1000 ? "true" : undefined}
                    onClick={() => {
                      setPlaying(false);
                      seek(marker.at);
                    }}
                  >
                    <span className="debrief__marker-time">{clock.format(marker.at)}</span> {markerLabel(t, marker)}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </PageShell>
  );
}

function BoardList({ board, zoneLetter }: { board: BoardView; zoneLetter: string | undefined }) {
  const t = useT();
  const title =
    board.title ||
    (board.preset === "wall"
      ? t("timeline.board.wall")
      : board.preset === "zone"
        ? t("timeline.board.zone", { zone: zoneLetter ?? "" })
        : t("timeline.board.custom"));
  // A note still hidden in a private round is in the log without its text: nothing to show of it.
  const notes = board.notes.filter((n) => !n.hidden);
  const clusterTitle = new Map(board.clusters.map((c) => [c.id, c.title]));
  return (
    <article className="debrief__board" data-testid="debrief-board">
      <h3>{title}</h3>
      {notes.length === 0 ? (
        <p className="debrief__none">{t("timeline.noNotes")}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id} className={`debrief__note debrief__note--c${note.color}`} data-testid="debrief-note">
              <span className="debrief__note-text">{note.text}</span>{" "}
              <span className="debrief__note-meta">
                — {note.anonymous ? t("timeline.anonymous") : note.authorName}
                {note.dots !== null ? ` · ${t("doc.dots", { count: note.dots })}` : ""}
                {note.clusterId && clusterTitle.get(note.clusterId) ? ` · ${clusterTitle.get(note.clusterId)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
