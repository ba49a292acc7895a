import { writeFileSync } from "node:fs";

/**
 * Writes a WAV file of a pure sine tone (16-bit mono PCM). Chromium plays it, looped, as the fake
 * microphone (`--use-file-for-fake-audio-capture`), so each test speaker is recognisable by pitch.
 */
export function writeToneWav(
  path: string,
  frequency: number,
  options: { seconds?: number; amplitude?: number; pulsed?: boolean } = {},
) {
  const rate = 48_000;
  const seconds = options.seconds ?? 2;
  const amplitude = options.amplitude ?? 0.5;
  const samples = Math.round(rate * seconds);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const envelope = options.pulsed ? syllable(i / rate) : 1;
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * amplitude * envelope * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

/**
 * Speech comes in syllables; a noise suppressor learns a steady tone as background noise within a
 * second or two and removes it. 350 ms of tone and 150 ms of silence, with soft edges, keeps it "voice".
 */
function syllable(t: number): number {
  const phase = (t % 0.5) / 0.35;
  if (phase >= 1) return 0;
  return Math.sin(Math.PI * phase) ** 0.5;
}
