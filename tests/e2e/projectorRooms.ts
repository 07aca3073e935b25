/**
 * Room files that put each projector screen under its heaviest realistic load:
 * the longest situation and model answers of the quiz with every option chosen,
 * thirty groups' reasons at full length, thirty cards in one month, a full
 * role-play register, twelve plan measures. The console imports one; the
 * projector on the same laptop follows it.
 */
import * as Y from 'yjs';
import type { QuizCase } from '../../src/content/schema';
import { wallMonths } from '../../src/domain/timeline';
import { ANSWER_JUSTIFICATION_MAX_CHARS, CARD_TEXT_MAX_CHARS } from '../../src/sync/limits';
import { addMeasure, addThreat, writePlanRecord } from '../../src/sync/plan/planOperations';
import { newGroupId, setGroups } from '../../src/sync/groups/groupOperations';
import {
  answerSituation,
  writeNarrativeRun,
  writeQuizRun,
} from '../../src/sync/quiz/quizOperations';
import { showOnProjector } from '../../src/sync/stage/stageOperations';
import { toBase64 } from '../../src/sync/roomCrypto';
import { addIncidentCard, changeIncidentCard } from '../../src/sync/timeline/cardOperations';
import {
  addRolePoint,
  writeRegisterForm,
  writeRolePlayRun,
} from '../../src/sync/rolePlay/rolePlayOperations';
import { ROOM_MAPS } from '../../src/sync/schemaParts';

export type ProjectorLoad =
  'quiz-question' | 'quiz-spread' | 'quiz-models' | 'story' | 'timeline' | 'roleplay' | 'plan';

const DEVICE = 'layout-device-0';
const GROUPS = 6;

/** A sentence repeated up to the limit a peer may write: the longest text a screen must hold. */
function longest(limit: number, seed: string): string {
  const sentence = `${seed} parked across the street from the office again, photographing who comes in. `;
  return sentence
    .repeat(Math.ceil(limit / sentence.length))
    .slice(0, limit)
    .trim();
}

/** The situation whose model answers are longest, all together. */
export function heaviestSituation(quizCase: QuizCase): string {
  const size = (s: QuizCase['situations'][number]) =>
    s.text.length + Object.values(s.modelAnswers).reduce((sum, m) => sum + m.text.length, 0);
  const sorted = [...quizCase.situations].sort((a, b) => size(b) - size(a));
  return sorted[0]?.id ?? '1.1';
}

export function roomFileFor(load: ProjectorLoad, quizCase: QuizCase): string {
  const doc = new Y.Doc();
  doc.getMap(ROOM_MAPS.meta).set('createdAt', Date.now());
  const groups = Array.from({ length: GROUPS }, (_, i) => ({
    id: newGroupId(),
    number: i + 1,
    name: null,
  }));
  setGroups(doc, groups);
  switch (load) {
    case 'quiz-question':
    case 'quiz-spread':
    case 'quiz-models': {
      const focus = heaviestSituation(quizCase);
      const options = quizCase.options.map((o) => o.key);
      groups.forEach((group, i) =>
        answerSituation(doc, {
          caseId: quizCase.id,
          situationId: focus,
          groupId: group.id,
          option: options[i % options.length] ?? 'A',
          justification: longest(ANSWER_JUSTIFICATION_MAX_CHARS, `Group ${i + 1}: a car`),
          device: DEVICE,
        }),
      );
      writeQuizRun(doc, {
        caseId: quizCase.id,
        situations: quizCase.situations.map((s) => s.id),
        open: [focus],
        revealed: load === 'quiz-question' ? [] : [focus],
        explained: load === 'quiz-models' ? [focus] : [],
        focus,
      });
      showOnProjector(doc, 'quiz', quizCase.id, focus);
      break;
    }
    case 'story':
      writeNarrativeRun(doc, {
        caseId: 'case-analysis-2',
        daysShown: 14,
        questions: true,
        note: true,
        lesson: true,
      });
      showOnProjector(doc, 'narrative', 'case-analysis-2');
      break;
    case 'timeline': {
      const month = wallMonths(new Date(), null)[5] ?? null;
      for (let i = 0; i < 30; i += 1) {
        const card = addIncidentCard(doc, `layout-device-${i % 5}`, {
          text: longest(i % 3 === 0 ? CARD_TEXT_MAX_CHARS : 90, `Card ${i + 1}: a car`),
          severity: (['red', 'yellow', 'green'] as const)[i % 3] ?? 'red',
        });
        changeIncidentCard(doc, card.id, { month });
      }
      showOnProjector(doc, 'timeline', 'own-incidents-timeline');
      break;
    }
    case 'roleplay':
      writeRolePlayRun(doc, {
        caseId: 'role-play-followed',
        open: true,
        stage: 'analyse',
        visited: ['setup', 'register', 'analyse'],
        timer: { minutes: 30, startedAt: null, spentMs: 0 },
      });
      writeRegisterForm(doc, 'role-play-followed', {
        what: longest(CARD_TEXT_MAX_CHARS, 'What: a car'),
        when: 'Tuesday evening, around 19:30, after the team meeting',
        where: 'Outside the office, on the corner of the street',
        who: longest(CARD_TEXT_MAX_CHARS, 'Who: two men in a car'),
        reporter: 'The coordinator, who was leaving last',
      });
      for (const part of ['facts', 'authors', 'work', 'objectives'] as const) {
        for (let i = 0; i < 3; i += 1) {
          addRolePoint(doc, {
            caseId: 'role-play-followed',
            step: 'analyse',
            part,
            text: longest(120, `${part} ${i + 1}: a car`),
            device: 'console',
          });
        }
      }
      showOnProjector(doc, 'roleplay', 'role-play-followed');
      break;
    case 'plan': {
      const threats = [0, 1, 2].map((i) => {
        const threat = addThreat(doc, longest(160, `Threat ${i + 1}: a car`), 'typed');
        const chosen = { ...threat, selected: true, objective: longest(120, 'Objective: no car') };
        writePlanRecord(doc, 'planThreats', chosen);
        return chosen;
      });
      for (let i = 0; i < 12; i += 1) {
        const measure = addMeasure(doc, threats[i % 3]?.id ?? null);
        writePlanRecord(doc, 'planMeasures', {
          ...measure,
          text: longest(140, `Measure ${i + 1}: a car`),
          kind: i % 2 === 0 ? 'preventive' : 'reactive',
          responsibility: 'The coordinator and one colleague',
          cost: 1200 + i,
          costNote: 'from the core budget',
          timetable: { kind: 'within', count: 2, unit: 'week' },
        });
      }
      showOnProjector(doc, 'plan');
      break;
    }
  }
  return JSON.stringify({
    format: 'security-workshop-kit/room',
    version: 1,
    exportedAt: new Date().toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(doc)),
  });
}
