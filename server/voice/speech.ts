/**
 * Counting speech from RTP without touching the audio (issue 11's speaking time). Each Opus packet
 * carries 20 ms; a packet counts as speech when its RFC 6464 header extension
 * (urn:ietf:params:rtp-hdrext:ssrc-audio-level, negotiated in our offer) gives a level louder than
 * SPEECH_LEVEL_DBOV. The extension's voice-activity bit is not trusted: Chromium sets it on every
 * packet when its audio processing runs no detector (measured: 1000 of 1000 packets, 175 of them at
 * level 127, digital silence). Without the extension (a browser that did not accept it) the fallback
 * is the packet's size: with DTX a silent microphone sends only tiny comfort-noise packets (a few
 * bytes), while speech frames are tens of bytes. A muted microphone sends nothing at all.
 */

/** Milliseconds of audio per packet (our offer's Opus frames). */
export const PACKET_MS = 20;
/**
 * Level in -dBov (0 loudest, 127 silence): louder than -50 dBov counts as speech. Speech at a
 * headset or laptop microphone is typically -20..-45 dBov; a room's noise after the browser's noise
 * suppression stays below -60.
 */
export const SPEECH_LEVEL_DBOV = 50;
/** Fallback without levels: Opus payloads at least this size are taken as speech, not DTX/silence. */
export const SPEECH_PAYLOAD_BYTES = 20;

export function isSpeech(payloadBytes: number, level: { v: boolean; level: number } | undefined): boolean {
  if (level) return level.level < SPEECH_LEVEL_DBOV;
  return payloadBytes >= SPEECH_PAYLOAD_BYTES;
}

/** Speech per person since the last drain; only totals are kept, never the packets. */
export class SpeechCounter {
  private totals = new Map<string, number>();

  packet(id: string, payloadBytes: number, level: { v: boolean; level: number } | undefined): void {
    if (!isSpeech(payloadBytes, level)) return;
    this.totals.set(id, (this.totals.get(id) ?? 0) + PACKET_MS);
  }

  drain(): Map<string, number> {
    const totals = this.totals;
    this.totals = new Map();
    return totals;
  }
}
