/**
 * A short, soft chime when an item runs out of time. Generated with WebAudio:
 * no sound file to download, nothing to fetch from elsewhere.
 */
let context: AudioContext | null = null;

/** Called from the click that turns the sound on, so the browser lets it play later. */
export function unlockAlarm(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  void context.resume();
}

export function playAlarm(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 660],
    [0.35, 880],
  ] as const) {
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start + offset);
    volume.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.03);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
    tone.connect(volume).connect(context.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.32);
  }
}

const SOUND_KEY = 'swk.console.sound';

export function soundPreference(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setSoundPreference(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // the choice lasts this page only
  }
}
