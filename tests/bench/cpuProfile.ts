/**
 * A Chrome CPU profile (CDP Profiler domain) read for a person: self time per script, per
 * function and, for built-ins such as appendChild, per caller, over a slice of its samples.
 * Shared by the phone's first-load profile and the late join's.
 */
export type ProfileNode = {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
};
export type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The index of the first sample inside the named function (a marker the page ran), or -1. */
export function markerSample(p: Profile, functionName: string): number {
  const marker = new Set(
    p.nodes.filter((n) => n.callFrame.functionName === functionName).map((n) => n.id),
  );
  return p.samples.findIndex((id) => marker.has(id));
}

/** Prints the samples from..to (end excluded) by script, function and built-ins' callers; returns their busy ms. */
export function printSelfTime(p: Profile, from: number, to: number, topN: number): number {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    if (i >= from && i < to) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  let busy = 0;
  for (const node of p.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += ms;
    const file = url.split('/').pop() || functionName;
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byScript.set(file, (byScript.get(file) ?? 0) + ms);
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([name, ms]) => `      ${ms.toFixed(0).padStart(5)} ms  ${name}`)
      .join('\n');
  console.log(`    by script:\n${top(byScript)}`);
  console.log(`    by function (self time):\n${top(byFunction)}`);
  // Who calls the heaviest built-ins (appendChild and the like): their callers' names.
  const parent = new Map<number, ProfileNode>();
  for (const node of p.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const callers = new Map<string, number>();
  for (const node of p.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (node.callFrame.url || ms < 5) continue;
    const chain: string[] = [];
    for (let up = parent.get(node.id); up && chain.length < 4; up = parent.get(up.id))
      chain.push(
        `${up.callFrame.functionName || '(anonymous)'}@${up.callFrame.url.split('/').pop()}:${up.callFrame.lineNumber + 1}`,
      );
    const key = `${node.callFrame.functionName || '(anonymous)'} <- ${chain.join(' <- ')}`;
    callers.set(key, (callers.get(key) ?? 0) + ms);
  }
  console.log(`    built-ins by caller:\n${top(callers)}`);
  return busy;
}
