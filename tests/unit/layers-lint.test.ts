// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers are kept by lint (eslint.config.js): prove each rule is on by
 * linting a scratch module, placed in a folder, that imports back up a layer.
 */
describe('imports between layers', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  async function layerErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);
  }

  it.each([
    ['src/sync/scratch.ts', "import { useQuiz } from '../features/quiz/useQuiz';", 'src/sync'],
    ['src/sync/scratch.ts', "import { App } from '../app/App';", 'src/sync'],
    ['src/sync/scratch.ts', "import { incidentWallSheet } from '../pdf/sheets';", 'src/sync'],
    ['src/pdf/scratch.ts', "import { planOf } from '../features/plan/planOf';", 'src/pdf'],
    ['src/domain/scratch.ts', "import { CARD_TEXT_MAX_CHARS } from '../sync/limits';", 'domain'],
    ['src/domain/scratch.ts', "import { useState } from 'react';", 'domain'],
    ['src/domain/scratch.ts', "import type { Library } from '../content/library';", 'domain'],
    ['src/lib/scratch.ts', "import { compareKeys } from '../domain/order';", 'src/lib'],
    ['src/features/x/scratch.ts', "import type * as Y from 'yjs';", 'yjs'],
    ['src/features/x/scratch.ts', "import { App } from '../../app/App';", 'src/features'],
  ])('%s may not %s', async (filePath, line, named) => {
    const errors = await layerErrors(filePath, `${line}\nexport const used = [];\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(named);
  });

  it.each([
    [
      'src/domain/scratch.ts',
      "import * as z from 'zod/mini';\nimport { compareKeys } from './order';",
    ],
    [
      'src/sync/scratch.ts',
      "import * as Y from 'yjs';\nimport { compareKeys } from '../domain/order';",
    ],
    ['src/pdf/scratch.ts', "import type { TimelineCard } from '../domain/timeline';"],
    ['src/features/x/scratch.ts', "import type { RoomDoc } from '../../sync/roomDoc';"],
  ])('%s may import downwards', async (filePath, lines) => {
    expect(await layerErrors(filePath, `${lines}\nexport const used = [];\n`)).toEqual([]);
  });
});
