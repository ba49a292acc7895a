import { useAccessibilitySettings } from "../accessibility/settings";
import { PANNER, cutoffGain, type VoiceMode } from "./spatial";

/** One receive slot's path: <audio muted> (Chromium needs it) → source → gain → HRTF panner → mix. */
interface SlotNodes {
  stream: MediaStream;
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  analyser: AnalyserNode;
  gain: GainNode;
  panner: PannerNode;
  mode: VoiceMode | null;
  samples: Float32Array<ArrayBuffer>;
}

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/**
 * The listener's ears: Web Audio with one HRTF panner per receive slot. The listener follows the
 * camera (so a headset's head pose in VR), each panner the speaker's avatar; both are updated every
 * frame by VoiceScene. A master analyser reads what actually reaches the speakers (tests, meters).
 */
export class AudioGraph {
  readonly context: AudioContext;
  private readonly master: GainNode;
  readonly output: AnalyserNode;
  private readonly slots: SlotNodes[] = [];
  private readonly spectrum: Float32Array<ArrayBuffer>;

  constructor() {
    this.context = new AudioContext({ latencyHint: "interactive" });
    this.master = this.context.createGain();
    this.output = this.context.createAnalyser();
    this.output.fftSize = 4096;
    this.output.smoothingTimeConstant = 0.5;
    this.spectrum = new Float32Array(this.output.frequencyBinCount);
    this.master.connect(this.output);
    this.master.connect(this.context.destination);
    this.setMono(useAccessibilitySettings.getState().monoVoices);
    this.stopSettings = useAccessibilitySettings.subscribe((s) => this.setMono(s.monoVoices));
  }

  private readonly stopSettings: () => void;

  /**
   * Mono: every voice mixed down to one channel and played the same in both ears (Web Audio's
   * speaker up-mix), so nothing is lost to someone with one ear, one speaker or a hearing aid;
   * distance still sets how loud a voice is.
   */
  setMono(mono: boolean): void {
    this.master.channelCount = mono ? 1 : 2;
    this.master.channelCountMode = mono ? "explicit" : "max";
    this.master.channelInterpretation = "speakers";
  }

  /** Connects a slot's remote track into the mix (silent until the panner is told where it is). */
  attach(index: number, track: MediaStreamTrack): void {
    this.detach(index);
    const stream = new MediaStream([track]);
    // A remote WebRTC track feeds Web Audio only while a media element also plays it (Chromium).
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const source = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 1024;
    const gain = this.context.createGain();
    gain.gain.value = 0;
    const panner = new PannerNode(this.context, {
      panningModel: "HRTF",
      distanceModel: "inverse",
      refDistance: PANNER.plenary.refDistance,
      rolloffFactor: PANNER.plenary.rolloffFactor,
      maxDistance: 10_000,
    });
    source.connect(analyser);
    source.connect(gain).connect(panner).connect(this.master);
    this.slots[index] = {
      stream,
      element,
      source,
      analyser,
      gain,
      panner,
      mode: null,
      samples: new Float32Array(analyser.fftSize),
    };
  }

  detach(index: number): void {
    const slot = this.slots[index];
    if (!slot) return;
    slot.source.disconnect();
    slot.gain.disconnect();
    slot.panner.disconnect();
    slot.element.srcObject = null;
    delete this.slots[index];
  }

  /** Places the listener's ears: position, facing direction and up, in world space. */
  setListener(position: Vec3, forward: Vec3, up: Vec3): void {
    const { listener, currentTime: t } = this.context;
    if (listener.positionX) {
      listener.positionX.setTargetAtTime(position.x, t, 0.02);
      listener.positionY.setTargetAtTime(position.y, t, 0.02);
      listener.positionZ.setTargetAtTime(position.z, t, 0.02);
      listener.forwardX.setTargetAtTime(forward.x, t, 0.02);
      listener.forwardY.setTargetAtTime(forward.y, t, 0.02);
      listener.forwardZ.setTargetAtTime(forward.z, t, 0.02);
      listener.upX.setTargetAtTime(up.x, t, 0.02);
      listener.upY.setTargetAtTime(up.y, t, 0.02);
      listener.upZ.setTargetAtTime(up.z, t, 0.02);
    } else {
      listener.setPosition(position.x, position.y, position.z);
      listener.setOrientation(forward.x, forward.y, forward.z, up.x, up.y, up.z);
    }
  }

  /**
   * Places one voice: where it comes from, how it is heard, and the listener's volume for that
   * person. `distance` is from the listener, for the fade before the cut-off.
   */
  setVoice(index: number, position: Vec3, mode: VoiceMode, distance: number, volume: number): void {
    const slot = this.slots[index];
    if (!slot) return;
    const t = this.context.currentTime;
    if (slot.mode !== mode) {
      slot.mode = mode;
      slot.panner.refDistance = PANNER[mode].refDistance;
      slot.panner.rolloffFactor = PANNER[mode].rolloffFactor;
    }
    slot.panner.positionX.setTargetAtTime(position.x, t, 0.03);
    slot.panner.positionY.setTargetAtTime(position.y, t, 0.03);
    slot.panner.positionZ.setTargetAtTime(position.z, t, 0.03);
    slot.gain.gain.setTargetAtTime(volume * cutoffGain(mode, distance), t, 0.05);
  }

  /** Silences a slot whose speaker is not placed (unknown pose, or the slot is idle). */
  silence(index: number): void {
    const slot = this.slots[index];
    if (!slot) return;
    slot.gain.gain.setTargetAtTime(0, this.context.currentTime, 0.03);
  }

  /** RMS level of a slot's incoming voice, dBFS (before volume and distance). */
  slotLevel(index: number): number {
    const slot = this.slots[index];
    if (!slot) return -Infinity;
    return rmsDbfs(slot.analyser, slot.samples);
  }

  /** Level of the mix at a frequency, dBFS (the strongest bin within ±25 Hz). */
  toneLevel(frequency: number): number {
    this.output.getFloatFrequencyData(this.spectrum);
    const binHz = this.context.sampleRate / this.output.fftSize;
    const centre = Math.round(frequency / binHz);
    let best = -Infinity;
    for (let i = Math.max(0, centre - 2); i <= Math.min(this.spectrum.length - 1, centre + 2); i++) {
      best = Math.max(best, this.spectrum[i]!);
    }
    return best;
  }

  async resume(): Promise<boolean> {
    if (this.context.state !== "running") await this.context.resume().catch(() => undefined);
    return this.context.state === "running";
  }

  close(): void {
    this.stopSettings();
    for (let i = 0; i < this.slots.length; i++) this.detach(i);
    void this.context.close().catch(() => undefined);
  }
}

/** RMS of an analyser's current time-domain window, in dBFS. */
export function rmsDbfs(analyser: AnalyserNode, buffer: Float32Array<ArrayBuffer>): number {
  analyser.getFloatTimeDomainData(buffer);
  let sum = 0;
  for (let i = 0; i < buffer.length; i++) sum += buffer[i]! * buffer[i]!;
  const rms = Math.sqrt(sum / buffer.length);
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity;
}
