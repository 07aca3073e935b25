/** npm run bench, last step: every figure beside its baseline, ratio and target, from bench-results.json. */
import { cpus, loadavg, totalmem } from 'node:os';
import { report } from './results';

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nBenchmarks on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium headless; load average now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`,
);
console.log(
  'Each figure: the median of its interleaved rounds (range, n); a ratio is ours / baseline within each round, then the median.\n',
);
console.log(report());
