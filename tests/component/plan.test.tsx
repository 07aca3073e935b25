import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { ActivityPlans } from '../../src/features/plan/ActivityPlans';
import { OrganisationalPlan } from '../../src/features/plan/OrganisationalPlan';
import { PlanFactors } from '../../src/features/plan/PlanFactors';
import { PlanObjectives } from '../../src/features/plan/PlanObjectives';
import { PlanTable } from '../../src/features/plan/PlanTable';
import { ThreatList } from '../../src/features/plan/ThreatList';
import { usePlan } from '../../src/features/plan/usePlan';
import {
  addMeasure,
  addThreat,
  writePlanRecord,
  writePlanSettings,
} from '../../src/sync/plan/planOperations';
import { forgetRoomOnDevice } from '../../src/sync/phoneMemory';
import { planStore } from '../../src/sync/plan/planStore';
import { ROOM_MAPS } from '../../src/sync/roomSchema';
import i18next from 'i18next';
import { emptyPlan, newPlanSettings } from '../../src/domain/securityPlan';
import { loadProtocolActivities } from '../../src/features/plan/organisationalStorage';
import { planFormat } from '../../src/pdf/planFormat';
import { planOutlineSheets } from '../../src/pdf/planSheets';
import { renderWithRoom } from '../support/room';

function Steps() {
  const snapshot = usePlan();
  return (
    <>
      <PlanFactors snapshot={snapshot} kind="vulnerability" />
      <PlanFactors snapshot={snapshot} kind="capacity" />
      <PlanObjectives snapshot={snapshot} />
    </>
  );
}

function Threats() {
  const snapshot = usePlan();
  return <ThreatList snapshot={snapshot} groups={[]} />;
}

describe('the plan builder', () => {
  it("shows one group's measures at a time in plenary, with the ones agreed marked", async () => {
    const doc = new Y.Doc();
    const groups = [
      { id: 'group-aaaa1', number: 1, name: null },
      { id: 'group-bbbb2', number: 2, name: null },
    ];
    const breakIn = addThreat(doc, 'Break-in at the office', 'typed', 1);
    const email = addThreat(doc, 'Email read by opponents', 'typed', 2);
    writePlanRecord(doc, 'planThreats', { ...breakIn, selected: true, groupId: 'group-aaaa1' });
    writePlanRecord(doc, 'planThreats', { ...email, selected: true, groupId: 'group-bbbb2' });
    const measure = (threatId: string, text: string, at: number, agreed: boolean) =>
      writePlanRecord(doc, 'planMeasures', { ...addMeasure(doc, threatId, at), text, agreed });
    measure(breakIn.id, 'Weekly backups', 3, true);
    measure(breakIn.id, 'A safe outside the office', 4, false);
    measure(email.id, 'Encrypt email', 5, false);
    function Table() {
      return <PlanTable snapshot={usePlan()} groups={groups} large />;
    }
    await renderWithRoom(<Table />, { doc });
    const captions = () =>
      screen.getAllByRole('table').map((t) => t.querySelector('caption')?.firstChild?.textContent);
    expect(captions()).toEqual(['Break-in at the office', 'Email read by opponents']);
    writePlanSettings(doc, { ...newPlanSettings('2026-11-23'), plenaryGroupId: 'group-aaaa1' });
    await screen.findByText('In plenary: the measures of Group 1');
    expect(captions()).toEqual(['Break-in at the office']);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).queryByText('Agreed in plenary') !== null)).toEqual([
      true,
      false,
    ]);
  });

  it('lets vulnerabilities be listed in step 1 when threats are ranked by them, before any is ticked', async () => {
    const doc = new Y.Doc();
    addThreat(doc, 'Break-in at the office', 'typed', 1);
    addThreat(doc, 'Email read by opponents', 'typed', 2);
    writePlanSettings(doc, { ...newPlanSettings('2026-11-23'), criterion: 'vulnerabilities' });
    await renderWithRoom(<Threats />, { doc });
    const user = userEvent.setup();
    const ranked = () =>
      within(screen.getByRole('list', { name: 'Threats, highest priority first' }))
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent);
    expect(ranked()).toEqual(['Break-in at the office', 'Email read by opponents']);
    await user.type(
      screen.getByLabelText('A vulnerability this threat matches: Email read by opponents'),
      'Email is not encrypted{Enter}',
    );
    expect(ranked()).toEqual(['Email read by opponents', 'Break-in at the office']);
    expect(screen.queryAllByRole('checkbox', { checked: true })).toHaveLength(0);
    expect(
      screen.getByRole('list', { name: 'Vulnerabilities linked to: Email read by opponents' }),
    ).toHaveTextContent('Email is not encrypted');
  });

  it('links vulnerabilities and capacities to their own threat and words the objectives from them', async () => {
    const doc = new Y.Doc();
    const breakIn = addThreat(doc, 'Break-in at the office', 'typed', 1);
    const email = addThreat(doc, 'Email read by opponents', 'typed', 2);
    writePlanRecord(doc, 'planThreats', { ...breakIn, selected: true });
    writePlanRecord(doc, 'planThreats', { ...email, selected: true });
    await renderWithRoom(<Steps />, { doc });
    const user = userEvent.setup();
    const vulnerable = screen.getByRole('region', {
      name: 'Vulnerabilities linked to: Break-in at the office',
    });
    await user.type(
      within(vulnerable).getByLabelText('A vulnerability linked to this threat'),
      'No backups of the server{Enter}',
    );
    const capable = screen.getByRole('region', {
      name: 'Capacities against: Email read by opponents',
    });
    await user.type(
      within(capable).getByLabelText('A capacity against this threat'),
      'Two staff use a password manager{Enter}',
    );
    const objectives = screen.getByRole('region', { name: 'Break-in at the office' });
    const specific = within(objectives).getByLabelText(
      'Specific objective (from the vulnerability: No backups of the server)',
    );
    expect(specific).toHaveAttribute(
      'placeholder',
      'To reduce the vulnerability: No backups of the server',
    );
    await user.type(specific, 'Even after a break-in, no data is lost');
    // The email threat has no vulnerability: no specific objective there.
    expect(
      within(screen.getByRole('region', { name: 'Email read by opponents' })).queryByLabelText(
        /Specific objective/,
      ),
    ).toBeNull();
    const { factors } = planStore.snapshot(doc);
    expect(factors.items.map((f) => [f.kind, f.threatId, f.text, f.objective])).toEqual([
      [
        'vulnerability',
        breakIn.id,
        'No backups of the server',
        'Even after a break-in, no data is lost',
      ],
      ['capacity', email.id, 'Two staff use a password manager', null],
    ]);
  });

  it('shares only the mitigating actions of the organisational plan, and only while asked', async () => {
    const library = await preloadContentLibrary();
    const { doc } = await renderWithRoom(
      <OrganisationalPlan room="room-test-1" groupId="group-aaaa1" library={library} />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a risk or threat' }));
    const row = screen.getByRole('group', { name: 'Risk 1' });
    await user.type(within(row).getByLabelText('Threats and risks'), 'Our email is read');
    await user.type(within(row).getByLabelText('Identified vulnerabilities'), 'Reused passwords');
    await user.type(within(row).getByLabelText(/Mitigating actions/), 'Introduce GPG');
    expect(doc.getMap(ROOM_MAPS.planSharedActions).size).toBe(0);

    await user.click(screen.getByLabelText(/Share our mitigating actions with the room/));
    const shared = JSON.stringify(doc.getMap(ROOM_MAPS.planSharedActions).toJSON());
    expect(shared).toContain('Introduce GPG');
    expect(shared).not.toContain('Our email is read');
    expect(shared).not.toContain('Reused passwords');
    expect(localStorage.getItem('swk.orgPlan.room-test-1')).toContain('Reused passwords');
    // An edit while sharing reaches the room; unticking takes the actions back.
    await user.type(within(row).getByLabelText(/Mitigating actions/), ' for all staff');
    expect(JSON.stringify(doc.getMap(ROOM_MAPS.planSharedActions).toJSON())).toContain(
      'Introduce GPG for all staff',
    );
    await user.click(screen.getByLabelText(/Share our mitigating actions with the room/));
    expect(doc.getMap(ROOM_MAPS.planSharedActions).size).toBe(0);
    // When the room ends, the private rows go with it; another room's stay.
    localStorage.setItem('swk.orgPlan.other-room', '[]');
    forgetRoomOnDevice('room-test-1');
    expect(localStorage.getItem('swk.orgPlan.room-test-1')).toBeNull();
    expect(localStorage.getItem('swk.orgPlan.other-room')).toBe('[]');
  });

  it('lists the activities that need their own protocol on the device, and puts them in the outline PDF', async () => {
    const doc = new Y.Doc();
    const library = await preloadContentLibrary();
    const view = await renderWithRoom(
      <OrganisationalPlan room="room-test-2" groupId={null} library={library} />,
      { doc },
    );
    const user = userEvent.setup();
    const field = screen.getByLabelText('An activity or process that needs its own protocol');
    await user.type(field, 'Travel to the border region{Enter}');
    await user.type(field, 'Public protests{Enter}');
    const list = screen.getByRole('list', {
      name: 'Activities and processes that need their own protocol',
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Travel to the border region', 'Public protests']);
    // Private like the rows: nothing of it reaches the room.
    expect(JSON.stringify(doc.share)).not.toContain('border region');
    await user.click(screen.getByRole('button', { name: 'Remove Public protests' }));
    view.unmount();
    expect(loadProtocolActivities('room-test-2')).toEqual(['Travel to the border region']);

    const t = i18next.getFixedT('en');
    const sheets = planOutlineSheets(
      emptyPlan('2026-11-23'),
      library,
      { t, language: 'en', direction: 'ltr', format: planFormat(t, 'en', '$') },
      { rows: [], activities: loadProtocolActivities('room-test-2') },
    );
    expect(sheets.map((s) => s.title)).toEqual([
      'Security plan',
      'Organisational security plan and protocols',
    ]);
    expect(sheets[1]?.blocks).toContainEqual({
      kind: 'bullets',
      items: ['Travel to the border region'],
    });
    forgetRoomOnDevice('room-test-2');
    expect(loadProtocolActivities('room-test-2')).toEqual([]);
  });

  it('keeps a plan per activity with its fields and rows', async () => {
    const library = await preloadContentLibrary();
    function Activity() {
      return <ActivityPlans snapshot={usePlan()} library={library} />;
    }
    const { doc } = await renderWithRoom(<Activity />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a plan for an activity' }));
    const plan = screen.getByRole('group', { name: 'Activity plan 1' });
    await user.type(within(plan).getByLabelText('Security plan for'), 'Outreach to bars');
    await user.type(within(plan).getByLabelText('Person responsible'), 'A. Manager');
    await user.type(within(plan).getByLabelText('Threats'), 'Verbal abuse by bar owners');
    await user.click(within(plan).getByRole('button', { name: 'Add a row' }));
    const [stored] = planStore.snapshot(doc).activityPlans.items;
    expect(stored).toMatchObject({ activity: 'Outreach to bars', responsible: 'A. Manager' });
    expect(stored?.rows).toHaveLength(2);
    expect(stored?.rows[0]?.threats).toBe('Verbal abuse by bar owners');
  });
});
