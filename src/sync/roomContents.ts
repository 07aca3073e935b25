/**
 * What the room holds, counted, for the console's erase warning: the trainer
 * sees what goes before it goes, and can save the room file first.
 */
import type * as Y from 'yjs';
import { readIncidentCards } from './timeline/cardIndex';
import { createDocStore, sameJson } from './docStore';
import { PLAN_RECORDS } from './plan/planSchema';
import { readQuizAnswers, readThoughts } from './quiz/quizSchema';
import { readPlan } from './plan/planStore';
import { readRegisteredIncidents, readRolePoints } from './rolePlay/rolePlaySchema';
import { ROOM_MAPS } from './schemaParts';
import { readInsights } from './timeline/timelineSchema';

export type RoomContents = {
  /** Incident cards on the wall. */
  cards: number;
  /** Incidents registered formally (the role-play's register). */
  register: number;
  /** Threats, factors, measures, activity plans and shared actions of the security plan. */
  plan: number;
  /** What the activities recorded: quiz answers, story thoughts, role-play points, wall insights. */
  records: number;
};

export function readRoomContents(doc: Y.Doc): RoomContents {
  const plan = readPlan(doc);
  return {
    cards: readIncidentCards(doc).items.length,
    register: readRegisteredIncidents(doc).items.length,
    plan:
      plan.threats.items.length +
      plan.factors.items.length +
      plan.measures.items.length +
      plan.activityPlans.items.length +
      plan.sharedActions.items.length,
    records:
      readQuizAnswers(doc).items.length +
      readThoughts(doc).items.length +
      readRolePoints(doc).items.length +
      readInsights(doc).items.length,
  };
}

export const roomContentsStore = createDocStore(
  [
    ROOM_MAPS.cards,
    ROOM_MAPS.register,
    ...Object.values(PLAN_RECORDS).map((declaration) => declaration.map),
    ROOM_MAPS.quizAnswers,
    ROOM_MAPS.thoughts,
    ROOM_MAPS.rolePlayPoints,
    ROOM_MAPS.insights,
  ],
  readRoomContents,
  sameJson,
);
