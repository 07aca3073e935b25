/** Small valid content files for the schema tests; each test breaks one thing. */
import type { RawContentFile } from '../../src/content/validate';

export const validSession = `---
id: demo-session
lang: en
kind: session
title: Demo session
summary: A session for tests.
source:
  - title: A manual
    chapter: Chapter 1
    publisher: A publisher
    licence: CC BY-SA 4.0
adaptation: Our own words.
durationMinutes: 30
learningObjectives:
  - Learn things.
agenda:
  - id: introduction
    kind: activity
    title: Introduction
    minutes: 10
    tool: slides
  - id: practice
    kind: activity
    title: Practice
    minutes: 20
    tool: quiz
    cases: [demo-quiz]
  - id: extra
    kind: activity
    title: Extra
    minutes: 15
    optional: true
---
Body text.
`;

export const validQuiz = `---
id: demo-quiz
lang: en
kind: case
format: quiz
title: Demo quiz
summary: A quiz for tests.
source:
  - title: A manual
    chapter: Chapter 1
    publisher: A publisher
    licence: CC BY-SA 4.0
adaptation: Our own words.
instructions: Choose an answer.
options:
  - { key: A, label: An incident }
  - { key: B, label: A threat }
situations:
  - id: "1.1"
    text: Something happened.
    suggestedAnswer: A
    modelAnswers:
      A: { text: Right, origin: source }
      B: { text: Not quite, origin: project }
keyPoint: When in doubt, react to the worst case.
---
`;

export function files(overrides: Partial<Record<string, string>> = {}): RawContentFile[] {
  const base: Record<string, string> = {
    'sessions/en/demo-session.md': validSession,
    'cases/en/demo-quiz.md': validQuiz,
  };
  return Object.entries({ ...base, ...overrides }).flatMap(([path, source]) =>
    source === undefined ? [] : [{ path, source }],
  );
}
