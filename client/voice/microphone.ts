import type { MicState } from "./voice-store";

/** Echo cancellation, noise suppression and gain control: what a meeting microphone wants. */
function constraints(deviceId: string): MediaStreamConstraints {
  return {
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      channelCount: 1,
    },
    video: false,
  };
}

export type MicResult = { ok: true; stream: MediaStream } | { ok: false; state: Exclude<MicState, "on"> };

/** Asks the browser for the microphone and sorts the failures into what we can tell the person. */
export async function openMicrophone(deviceId: string): Promise<MicResult> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, state: "none" };
  try {
    return { ok: true, stream: await navigator.mediaDevices.getUserMedia(constraints(deviceId)) };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    // A remembered device that is gone: fall back to the default one.
    if (deviceId && (name === "OverconstrainedError" || name === "NotFoundError")) return openMicrophone("");
    if (name === "NotAllowedError" || name === "SecurityError") return { ok: false, state: "denied" };
    if (name === "NotFoundError" || name === "OverconstrainedError") return { ok: false, state: "none" };
    return { ok: false, state: "error" };
  }
}

export interface InputDevice {
  id: string;
  label: string;
}

/** Microphones the browser lists (labels appear once permission is granted). */
export async function listMicrophones(): Promise<InputDevice[]> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return devices
    .filter((d) => d.kind === "audioinput" && d.deviceId !== "")
    .map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

/** Records a few seconds of the microphone and plays them back: the "test my microphone" step. */
export async function recordAndPlayBack(
  stream: MediaStream,
  seconds: number,
  onPhase: (phase: "recording" | "playing" | "done") => void,
): Promise<void> {
  if (typeof MediaRecorder === "undefined") return onPhase("done");
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  onPhase("recording");
  recorder.start();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  recorder.stop();
  await stopped;
  onPhase("playing");
  const url = URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType }));
  const audio = new Audio(url);
  await new Promise<void>((resolve) => {
    audio.onended = () => resolve();
    audio.onerror = () => resolve();
    // Never hang the dialog on a player that does not report its end.
    setTimeout(resolve, (seconds + 2) * 1000);
    void audio.play().catch(() => resolve());
  });
  URL.revokeObjectURL(url);
  onPhase("done");
}
