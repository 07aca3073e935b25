/**
 * A session's slides, built from its content: title, objectives, key messages,
 * structure, each activity's instructions (its steps, or its points), the
 * conclusion, and last the credits: each source as its licence asks, and the
 * kit's own line. Speaker notes come from the facilitator tips and challenges.
 */
import type { TFunction } from 'i18next';
import type { Session } from '../../content/schema';
import { sourceCreditText } from '../../content/credit';

export type Slide = {
  title: string;
  lead?: string;
  points: string[];
  numbered: boolean;
  notes: string[];
};

export function sessionSlides(session: Session, t: TFunction): Slide[] {
  let minute = 0;
  const structure = session.agenda
    .filter((item) => !item.optional)
    .map((item) => {
      const from = minute;
      minute += item.minutes;
      return `${t('agenda.clock', { start: from, end: minute })} ${item.title}`;
    });
  const slides: Slide[] = [
    { title: session.title, lead: session.summary, points: [], numbered: false, notes: [] },
    {
      title: t('session.learningObjectives'),
      points: session.learningObjectives,
      numbered: false,
      notes: session.challenges,
    },
  ];
  if (session.keyMessages.length > 0) {
    slides.push({
      title: t('session.keyMessages'),
      points: session.keyMessages,
      numbered: false,
      notes: [],
    });
  }
  slides.push({
    title: t('agenda.caption'),
    points: structure,
    numbered: false,
    notes: session.timingNote ? [session.timingNote] : [],
  });
  for (const item of session.agenda) {
    if (item.kind !== 'activity') continue;
    const steps = item.steps.map((step) => step.title);
    const points = steps.length > 0 ? steps : item.points;
    if (points.length === 0) continue;
    slides.push({
      title: item.title,
      points,
      numbered: steps.length > 0,
      notes: [
        ...item.tips,
        ...item.steps.flatMap((step) => (step.detail ? [`${step.title}: ${step.detail}`] : [])),
      ],
    });
  }
  slides.push({
    title: t('slides.credits'),
    points: [
      ...session.source.map((credit) => sourceCreditText(credit, t)),
      t('content.kitCredit'),
    ],
    numbered: false,
    notes: [],
  });
  return slides;
}
