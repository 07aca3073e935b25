/**
 * How a countdown reads: whole seconds, rounded up while time remains so that
 * "0:00" appears only when time is really up, then counting the overrun.
 */
export type CountdownText = { overrun: boolean; text: string };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function countdownText(remainingMs: number): CountdownText {
  const overrun = remainingMs < 0;
  const seconds = overrun ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const text = hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
  return { overrun, text: overrun ? `+${text}` : text };
}

/** A lag in whole minutes, rounded towards zero so a few seconds read as "on time". */
export function lagMinutes(lagMs: number): number {
  return Math.trunc(lagMs / 60_000);
}
