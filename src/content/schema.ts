/**
 * The one schema for workshop content: sessions, cases and templates.
 *
 * Every content file is Markdown with YAML front matter. The front matter holds
 * everything the app acts on (agenda minutes, quiz options, table columns); the
 * Markdown body is the facilitator's narrative, rendered through a sanitiser.
 * Rules that span fields (minutes that add up, an option with no model answer)
 * live here too, so that a broken file fails with a message a trainer can act on.
 */
import { z } from 'zod';

import { LANGUAGES } from './languages.ts';

export { LANGUAGES, type ContentLanguage } from './languages.ts';

/** The tools an agenda activity can open on the console. */
export const TOOLS = ['slides', 'quiz', 'timeline', 'roleplay', 'plan', 'discussion'] as const;
export type Tool = (typeof TOOLS)[number];

const text = z.string().trim().min(1, 'expected a non-empty text');
const points = z.array(text);
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an id in lower-case words joined by hyphens');

/** Who wrote a piece of text: the source curriculum, or this project building on it. */
const origin = z.enum(['source', 'project']);

const sourceCredit = z.object({
  title: text,
  chapter: text,
  publisher: text,
  licence: text,
  authors: text.optional(),
  date: text.optional(),
});

/** Longest content note: a phone shows it whole before the activity opens. */
export const CONTENT_NOTE_MAX_CHARS = 400;
/**
 * What an activity may bring up (one's own incidents, being followed): shown
 * on phones before it opens, beside the right to observe instead.
 */
const contentNote = text
  .max(CONTENT_NOTE_MAX_CHARS, `expected at most ${CONTENT_NOTE_MAX_CHARS} characters`)
  .optional();

/**
 * The file's own neutral words for discreet mode (optional): its title and
 * summary as a room in discreet mode shows them, instead of the lexicon's
 * replacement (domain/discreetWords.ts).
 */
const discreet = z
  .object({
    title: text.max(120, 'expected at most 120 characters').optional(),
    summary: text.optional(),
  })
  .strict()
  .optional();

const common = {
  id,
  lang: z.enum(LANGUAGES),
  title: text,
  summary: text,
  discreet,
  source: z.array(sourceCredit).min(1, 'expected at least one source to credit'),
  adaptation: text,
};

const step = z.object({
  title: text,
  detail: text.optional(),
  minutes: z.number().int().positive().optional(),
});

const agendaItem = z.object({
  id,
  kind: z.enum(['activity', 'break']),
  title: text,
  minutes: z.number().int().positive('expected a whole number of minutes above zero'),
  optional: z.boolean().default(false),
  points: points.default([]),
  steps: z.array(step).default([]),
  materials: points.default([]),
  tool: z.enum(TOOLS).optional(),
  cases: z.array(id).default([]),
  templates: z.array(id).default([]),
  tips: points.default([]),
  /**
   * The activity's instructions as participants read them on the wall sheet and
   * their phones: never the facilitator's notes (points, step details, tips).
   */
  forParticipants: points.default([]),
});

const noteBlock = z.object({ id, heading: text, points });

export const sessionSchema = z
  .object({
    ...common,
    kind: z.literal('session'),
    contentNote,
    durationMinutes: z.number().int().positive(),
    timingNote: text.optional(),
    learningObjectives: points.min(1),
    keyMessages: points.default([]),
    challenges: points.default([]),
    agenda: z.array(agendaItem).min(1),
    notes: z.array(noteBlock).default([]),
    /** What participants do after the session, for their one-page take-away. */
    afterwards: points.default([]),
  })
  .superRefine((session, ctx) => {
    const planned = session.agenda
      .filter((item) => !item.optional)
      .reduce((sum, item) => sum + item.minutes, 0);
    if (planned !== session.durationMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['agenda'],
        message: `the agenda's minutes (optional activities left out) add up to ${planned}, but durationMinutes is ${session.durationMinutes}`,
      });
    }
    session.agenda.forEach((item, index) => {
      if (item.kind === 'break' && item.forParticipants.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['agenda', index, 'forParticipants'],
          message: `"${item.id}" is a break: a break has no instructions for participants`,
        });
      }
      const stepMinutes = item.steps.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
      if (stepMinutes > item.minutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['agenda', index, 'steps'],
          message: `the steps of "${item.id}" take ${stepMinutes} minutes, more than the activity's ${item.minutes}`,
        });
      }
    });
    reportDuplicates(
      session.agenda.map((item) => item.id),
      ['agenda'],
      ctx,
    );
  });

const option = z.object({
  key: z.string().regex(/^[A-Z]$/, 'expected one capital letter'),
  label: text,
});
const modelAnswer = z.object({ text, origin });

const situation = z.object({
  id: z.string().regex(/^\d+\.\d+$/, 'expected a number such as 1.1'),
  text,
  suggestedAnswer: z.string().optional(),
  modelAnswers: z.record(z.string(), modelAnswer),
  discussionPrompt: text.optional(),
});

const quizCase = z.object({
  ...common,
  kind: z.literal('case'),
  contentNote,
  format: z.literal('quiz'),
  instructions: text,
  options: z.array(option).min(2),
  situations: z.array(situation).min(1),
  keyPoint: text,
  tips: points.default([]),
});

const narrativeCase = z.object({
  ...common,
  kind: z.literal('case'),
  contentNote,
  format: z.literal('narrative'),
  setting: text,
  days: z.array(z.object({ day: text, person: text, text })).min(1),
  questions: points.min(1),
  facilitatorNote: text.optional(),
  lesson: text,
});

const rolePlayStepIds = ['register', 'analyse', 'react'] as const;
const rolePlayCase = z.object({
  ...common,
  kind: z.literal('case'),
  contentNote,
  format: z.literal('roleplay'),
  minutes: z.number().int().positive(),
  story: text,
  actions: text,
  roles: z.array(z.object({ id, name: text, brief: text, count: z.enum(['one', 'rest']) })).min(2),
  steps: z
    .array(
      z.object({
        id: z.enum(rolePlayStepIds),
        title: text,
        /** Advice for the facilitator on this step: the console and the case page only, never the room. */
        facilitatorNote: text.optional(),
        prompts: points.min(1),
      }),
    )
    .length(3, 'expected the three steps: register, analyse, react'),
  careReminder: text,
  conclusion: text,
});

const severityIds = ['red', 'yellow', 'green'] as const;
const timelineCase = z.object({
  ...common,
  kind: z.literal('case'),
  contentNote,
  format: z.literal('timeline'),
  periodMonths: z.number().int().min(1).max(24),
  severities: z
    .array(z.object({ id: z.enum(severityIds), label: text, meaning: text }))
    .length(3, 'expected three severities: red, yellow, green'),
  whenToUse: points.default([]),
  instructions: points.min(1),
  debrief: points.min(1),
});

export const caseSchema = z
  .discriminatedUnion('format', [quizCase, narrativeCase, rolePlayCase, timelineCase])
  .superRefine((c, ctx) => {
    if (c.format === 'quiz') checkQuiz(c, ctx);
    if (c.format === 'roleplay') {
      c.steps.forEach((s, index) => {
        if (s.id !== rolePlayStepIds[index]) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', index, 'id'],
            message: `expected "${rolePlayStepIds[index]}" as step ${index + 1}`,
          });
        }
      });
    }
    if (c.format === 'timeline') {
      reportDuplicates(
        c.severities.map((s) => s.id),
        ['severities'],
        ctx,
      );
    }
  });

function checkQuiz(quiz: z.infer<typeof quizCase>, ctx: z.RefinementCtx): void {
  const keys = quiz.options.map((o) => o.key);
  reportDuplicates(keys, ['options'], ctx);
  reportDuplicates(
    quiz.situations.map((s) => s.id),
    ['situations'],
    ctx,
  );
  quiz.situations.forEach((s, index) => {
    for (const key of keys) {
      if (!s.modelAnswers[key]) {
        ctx.addIssue({
          code: 'custom',
          path: ['situations', index, 'modelAnswers'],
          message: `situation ${s.id} has no model answer for option ${key}`,
        });
      }
    }
    for (const key of Object.keys(s.modelAnswers)) {
      if (!keys.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['situations', index, 'modelAnswers', key],
          message: `situation ${s.id} answers option ${key}, which is not among the options ${keys.join(', ')}`,
        });
      }
    }
    if (s.suggestedAnswer !== undefined && !keys.includes(s.suggestedAnswer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['situations', index, 'suggestedAnswer'],
        message: `expected one of the options ${keys.join(', ')}`,
      });
    }
  });
}

const column = z.object({
  id,
  label: text,
  hint: text.optional(),
  group: text.optional(),
  origin: origin.default('source'),
  /** Shared with the room even when the group keeps the rest of its plan private. */
  shareable: z.boolean().default(false),
});

const cell = z.union([text, z.array(text)]);

export const templateSchema = z
  .object({
    ...common,
    kind: z.literal('template'),
    fields: z.array(z.object({ id, label: text, hint: text.optional() })).default([]),
    columns: z.array(column).min(1),
    lists: z
      .array(z.object({ id, heading: text, points, origin: origin.default('source') }))
      .default([]),
    example: z
      .object({
        title: text,
        fields: z.record(z.string(), text).default({}),
        rows: z.array(z.record(z.string(), cell)).min(1),
      })
      .optional(),
  })
  .superRefine((t, ctx) => {
    reportDuplicates(
      t.columns.map((c) => c.id),
      ['columns'],
      ctx,
    );
    reportDuplicates(
      t.fields.map((f) => f.id),
      ['fields'],
      ctx,
    );
    const columnIds = new Set(t.columns.map((c) => c.id));
    const fieldIds = new Set(t.fields.map((f) => f.id));
    t.example?.rows.forEach((row, index) => {
      for (const key of Object.keys(row)) {
        if (!columnIds.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['example', 'rows', index, key],
            message: `"${key}" is not a column of this template (${[...columnIds].join(', ')})`,
          });
        }
      }
    });
    for (const key of Object.keys(t.example?.fields ?? {})) {
      if (!fieldIds.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['example', 'fields', key],
          message: `"${key}" is not a field of this template`,
        });
      }
    }
  });

function reportDuplicates(
  ids: readonly string[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  ids.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index],
        message: `duplicate id "${value}"`,
      });
    }
    seen.add(value);
  });
}

export type Session = z.infer<typeof sessionSchema>;
export type AgendaItem = Session['agenda'][number];
export type Case = z.infer<typeof caseSchema>;
export type QuizCase = Extract<Case, { format: 'quiz' }>;
export type NarrativeCase = Extract<Case, { format: 'narrative' }>;
export type RolePlayCase = Extract<Case, { format: 'roleplay' }>;
export type TimelineCase = Extract<Case, { format: 'timeline' }>;
export type Template = z.infer<typeof templateSchema>;
export type ContentKind = 'session' | 'case' | 'template';

/** One content file once validated: its data plus its Markdown body. */
export type ContentEntry<T> = { file: string; data: T; body: string };
