/** The room's quiz data, validated, re-read when any of its maps (or the stage) change. */
import { createDocStore } from '../docStore';
import { readGroups } from '../groups/groupSchema';
import { readNarrativeRun, readQuizAnswers, readQuizRun, readThoughts } from './quizSchema';
import { ROOM_MAPS } from '../schemaParts';

export const quizStore = createDocStore(
  [ROOM_MAPS.quiz, ROOM_MAPS.groups, ROOM_MAPS.quizAnswers, ROOM_MAPS.thoughts, ROOM_MAPS.stage],
  (doc) => ({
    groups: readGroups(doc),
    run: readQuizRun(doc),
    narrative: readNarrativeRun(doc),
    answers: readQuizAnswers(doc),
    thoughts: readThoughts(doc),
  }),
);

export type QuizSnapshot = ReturnType<typeof quizStore.snapshot>;
