import { Callbacks, Client } from "@colyseus/sdk";
import type { JoinOptions, ServerMessage } from "../../shared/protocol";
import { ERROR_CODES, PROTOCOL_VERSION, SESSION_ROOM, type ErrorCode } from "../../shared/protocol/constants";
import type { SessionState } from "../../shared/session/state";
import { Presence } from "../avatars/presence";
import { isMessageKey } from "../../shared/i18n";
import { showToast } from "../ui/toast-store";
import { useSessionStore } from "./session-store";
import { personKey } from "./profile";
import type { SessionConnection, SessionRoom } from "./binding";
import { stateBindings } from "./state-bindings";
import { joinPatiently } from "../../shared/session/join-retry";
import { COACH_SENDS } from "../../shared/coaching/rules";
import { POSES_MESSAGE, PoseTable } from "../../shared/movement/poses-message";

export type { SessionConnection, SessionRoom } from "./binding";

export type JoinProfile = Omit<JoinOptions, "protocol">;

/** Turns a refused join into one of our error codes (the server puts the code in the message). */
export function joinErrorCode(error: unknown): ErrorCode | "network" {
  const message = error instanceof Error ? error.message : String(error);
  return (ERROR_CODES as readonly string[]).includes(message) ? (message as ErrorCode) : "network";
}

function serverEndpoint(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

export async function connectToSession(profile: JoinProfile): Promise<SessionConnection> {
  const client = new Client(serverEndpoint());
  const room: SessionRoom = await joinPatiently(() =>
    client.joinOrCreate<SessionState>(SESSION_ROOM, {
      personKey: personKey(),
      ...profile,
      protocol: PROTOCOL_VERSION,
    } satisfies JoinOptions),
  );
  const presence = new Presence();
  // At once after the join: the first poses message may follow the first state within a patch.
  const nearPoses = new PoseTable();
  room.onMessage(POSES_MESSAGE, (bytes: Uint8Array) => nearPoses.apply(bytes));
  const coach = profile.coachSecret !== undefined;
  const $ = Callbacks.get(room);
  let leaving = false;

  useSessionStore.setState({ selfId: room.sessionId, status: "connected" });

  room.onMessage("error", (error: ServerMessage<"error">) => {
    // Movement corrections are silent: the view snaps back, which says enough.
    if (error.code === "rate_limited" && error.command === "movement.pose") return;
    // A refusal that names its reason (e.g. "that cell already has a topic") says it, not just its code.
    showToast({
      key: error.detail !== undefined && isMessageKey(error.detail) ? error.detail : `errors.${error.code}`,
    });
  });
  room.onMessage("session.closed", ({ reason }: ServerMessage<"session.closed">) => {
    useSessionStore.setState({ closedReason: reason });
  });
  room.onDrop(() => useSessionStore.setState({ status: "reconnecting" }));
  room.onReconnect(() => {
    useSessionStore.setState({ status: "connected" });
    showToast({ key: "status.reconnected" });
  });
  const connection: SessionConnection = {
    room,
    presence,
    nearPoses,
    send(name, payload) {
      // A coach changes nothing: their page never sends what the server would only refuse (their pose, voice).
      if (coach && !COACH_SENDS.includes(name)) return;
      room.send(name, payload);
    },
    on(name, handler) {
      return room.onMessage(name, handler as (message: unknown) => void);
    },
    async leave() {
      leaving = true;
      await room.leave(true);
    },
  };
  // Each capability mirrors its part of the state into its own store (session/state-bindings.ts).
  const unbind = stateBindings.map((bind) => bind({ $, room, connection }));

  room.onLeave(() => {
    for (const stop of unbind) stop?.();
    const { closedReason } = useSessionStore.getState();
    useSessionStore.setState({ status: "closed", closedReason: closedReason ?? (leaving ? "left" : "failed") });
  });

  await firstStateWithSelf(room, nearPoses, coach);
  return connection;
}

/**
 * The join resolves before the first full state has been decoded; the space reads the person's own
 * place as it mounts, so the room is handed over only once that person is in the state and their
 * own full pose has arrived (in the message just before the next patch).
 * (Hidden while the 3D code loaded after joining; it loads during the join form now.)
 */
function firstStateWithSelf(room: SessionRoom, nearPoses: PoseTable, coach: boolean): Promise<void> {
  // A coach has no place among the people: the first full state is the one that names the session.
  const hasSelf = () => {
    if (coach) return Boolean(room.state?.code);
    const self = room.state?.people?.get(room.sessionId);
    return self !== undefined && nearPoses.get(self.slot) !== undefined;
  };
  if (hasSelf()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!hasSelf()) return;
      room.onStateChange.remove(check);
      stopPoses();
      resolve();
    };
    room.onStateChange(check);
    const stopPoses = nearPoses.onChange(check);
  });
}
