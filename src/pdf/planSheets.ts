/**
 * The plan outline the organisation keeps: an A4 document with the plan's
 * heading, its objectives, the table of measures, the costs, and a page per
 * activity plan. Pure: built from the plan and the content's own labels.
 */
import type { TFunction } from 'i18next';
import { findTemplate } from '../content/library';
import type { ContentLibrary } from '../content/validate';
import {
  costTotals,
  measureDeadline,
  measureFlags,
  planObjectives,
  type SecurityPlan,
} from '../domain/securityPlan';
import type { OrganisationalRow } from '../domain/planSchema';
import type { PlanFormat } from './planFormat';
import type { Sheet, SheetBlock } from './layout';
import { columnWeights } from './sheets';

type Options = {
  t: TFunction;
  language: string;
  direction: Sheet['direction'];
  format: PlanFormat;
};

/** The organisational plan as this device holds it (it never goes to the room). */
export type OrganisationalPart = {
  rows: readonly OrganisationalRow[];
  /** The activities or processes that need their own protocol. */
  activities: readonly string[];
};

export function planOutlineSheets(
  plan: SecurityPlan,
  library: ContentLibrary,
  options: Options,
  organisational: OrganisationalPart = { rows: [], activities: [] },
): Sheet[] {
  const hasOrganisational = organisational.rows.length + organisational.activities.length > 0;
  return [
    outlineSheet(plan, options),
    ...plan.activityPlans.map((activity) => activitySheet(activity, library, options)),
    ...(hasOrganisational ? [organisationalSheet(organisational, library, options)] : []),
  ];
}

function organisationalSheet(
  { rows, activities }: OrganisationalPart,
  library: ContentLibrary,
  { t, language, direction }: Options,
): Sheet {
  const template = findTemplate(library, 'organisational-plan-and-protocols', language)?.data;
  const column = (id: string) => template?.columns.find((c) => c.id === id)?.label ?? id;
  const columns = [
    column('threats-and-risks'),
    column('identified-vulnerabilities'),
    column('existing-capacities'),
    column('mitigating-actions'),
    column('responsible-and-dates'),
  ];
  const blocks: SheetBlock[] = [];
  if (rows.length > 0) {
    const cells = rows.map((r) => [
      r.threatsAndRisks,
      r.identifiedVulnerabilities,
      r.existingCapacities,
      r.mitigatingActions,
      r.responsibleAndDates,
    ]);
    blocks.push({ kind: 'table', columns, widths: columnWeights(columns, cells), rows: cells });
  }
  blocks.push(
    { kind: 'heading', text: t('plan.protocolActivities') },
    activities.length > 0
      ? { kind: 'bullets', items: activities }
      : { kind: 'paragraph', text: '—' },
  );
  return { title: template?.title ?? t('plan.protocolActivities'), direction, blocks };
}

function outlineSheet(plan: SecurityPlan, { t, direction, format }: Options): Sheet {
  const { settings } = plan;
  const { objectives, unplaced } = planObjectives(plan);
  const totals = costTotals(plan);
  const measureRow = (objective: string) => (m: SecurityPlan['measures'][number]) => [
    objective,
    m.text,
    m.kind ? t(`plan.${m.kind}`) : '',
    m.responsibility || t('plan.flag.noResponsibility'),
    format.cost(m.cost, m.costNote),
    format.timetable(m.timetable, measureDeadline(m, settings.date)),
  ];
  const rows = objectives.flatMap((o) =>
    o.measures.map(measureRow(o.comprehensive.text ?? format.draft(o.comprehensive.draftFrom))),
  );
  const flagged = plan.measures.filter((m) =>
    measureFlags(m).some((f) => f === 'noResponsibility' || f === 'noTimetable'),
  );
  const measureColumns = [
    t('plan.col.objective'),
    t('plan.col.measure'),
    t('plan.col.kind'),
    t('plan.col.responsibility'),
    t('plan.col.cost'),
    t('plan.col.timetable'),
  ];
  const blocks: SheetBlock[] = [
    {
      kind: 'rows',
      rows: [
        [t('plan.organisation'), settings.organisation || '—'],
        [t('plan.date'), format.date(settings.date)],
        [t('plan.responsible'), settings.responsible || '—'],
        [
          t('plan.followUp'),
          t('plan.followUpText', {
            period: t('plan.many_week', { count: settings.reviewEveryWeeks }),
          }),
        ],
      ],
    },
    { kind: 'heading', text: t('plan.objectivesHeading') },
    {
      kind: 'bullets',
      items: objectives.flatMap((o) => [
        `${t('plan.col.comprehensive')}: ${o.comprehensive.text ?? format.draft(o.comprehensive.draftFrom)}`,
        ...o.specific.map(
          (s) =>
            `${t('plan.col.specific')}: ${s.text ?? t('plan.draftSpecific', { vulnerability: s.draftFrom })}`,
        ),
      ]),
    },
    { kind: 'heading', text: t('plan.measuresHeading') },
    { kind: 'table', columns: measureColumns, widths: columnWeights(measureColumns, rows), rows },
    { kind: 'heading', text: t('plan.costsHeading') },
    {
      kind: 'rows',
      rows: [
        [t('plan.costTotal'), format.money(totals.total)],
        [t('plan.costRecurring'), format.money(totals.recurring)],
        [t('plan.costUncosted'), String(totals.uncosted)],
      ],
    },
  ];
  if (unplaced.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('plan.unplaced') },
      { kind: 'bullets', items: unplaced.map((m) => m.text) },
    );
  }
  if (flagged.length > 0) {
    blocks.push(
      { kind: 'heading', text: t('plan.toComplete') },
      {
        kind: 'bullets',
        items: flagged.map(
          (m) =>
            `${m.text || '—'}: ${measureFlags(m)
              .filter((f) => f === 'noResponsibility' || f === 'noTimetable')
              .map((f) => t(`plan.flag.${f}`))
              .join('; ')}`,
        ),
      },
    );
  }
  return {
    title: settings.title || t('plan.outlineTitle'),
    subtitle: [settings.organisation, format.date(settings.date)].filter(Boolean).join(' · '),
    direction,
    blocks,
  };
}

function activitySheet(
  activity: SecurityPlan['activityPlans'][number],
  library: ContentLibrary,
  { t, language, direction, format }: Options,
): Sheet {
  const template = findTemplate(library, 'activity-security-plan', language)?.data;
  const label = (id: string) => template?.fields.find((f) => f.id === id)?.label ?? id;
  const column = (id: string) => template?.columns.find((c) => c.id === id)?.label ?? id;
  return {
    title: `${label('activity')}: ${activity.activity || '—'}`,
    direction,
    blocks: [
      {
        kind: 'rows',
        rows: [
          [label('reviewed'), activity.reviewed ? format.date(activity.reviewed) : '—'],
          [label('responsible'), activity.responsible || '—'],
          [label('risk'), activity.risk || '—'],
        ],
      },
      {
        kind: 'table',
        columns: [
          column('threats'),
          column('vulnerabilities'),
          column('existing-capacity'),
          column('required-capacity'),
        ],
        rows: activity.rows.map((r) => [
          r.threats,
          r.vulnerabilities,
          r.existingCapacity,
          r.requiredCapacity,
        ]),
      },
      { kind: 'paragraph', text: t('plan.activityReview') },
    ],
  };
}
