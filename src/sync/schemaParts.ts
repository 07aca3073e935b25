/**
 * The pieces every part of the room's schema shares: the map names, the id
 * shapes and the one way a map is read (valid entries only, the rest counted).
 */
import * as z from 'zod/mini';

/** The document's top-level types, named in one place. */
export const ROOM_MAPS = {
  meta: 'meta',
  cards: 'incidentCards',
  agenda: 'agenda',
  /** What the projector shows and what phones may do now. */
  stage: 'stage',
  /** The room's working groups (first made for the quiz, hence the name). */
  groups: 'quizGroups',
  quiz: 'quiz',
  quizAnswers: 'quizAnswers',
  thoughts: 'thoughts',
  cardLinks: 'cardLinks',
  insights: 'wallInsights',
  rolePlay: 'rolePlay',
  rolePlayCast: 'rolePlayCast',
  rolePlayPoints: 'rolePlayPoints',
  /** Incidents the group registered formally, beside the timeline's cards. */
  register: 'incidentRegister',
  plan: 'plan',
  planThreats: 'planThreats',
  planFactors: 'planFactors',
  planMeasures: 'planMeasures',
  planActivities: 'planActivities',
  planSharedActions: 'planSharedActions',
  /** The private layer: what phones sealed to the console, and its replies to one visit. */
  sealed: 'sealed',
  sealedReplies: 'sealedReplies',
  /** The facilitator's decision on each sealed card or point (no text). */
  moderation: 'moderation',
  /** Cards their authors chose to have counted, not shown: month and severity, no text. */
  countedCards: 'countedCards',
  /** Role-play points their authors chose to have counted, not shown: where, no text. */
  countedPoints: 'countedPoints',
  /** The facilitator's care of the room: the pause, discreet mode, breaks seen. */
  care: 'care',
  /** "I need a break": when, and nothing about who. */
  breakRequests: 'breakRequests',
} as const;

export const tokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
export const caseIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,60}$/));

export type Validated<T> = { items: T[]; dropped: number };
