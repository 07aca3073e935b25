/** npm run bench, last step: every figure beside its target, from bench-results.json. */
import { cpus, totalmem } from 'node:os';
import { report } from './results';

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nBenchmarks on ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium headless:`,
);
console.log(report());
