import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/domain/timeline';
import { findCase } from '../../src/content/library';
import { SeverityChoice } from '../../src/features/common/SeverityChoice';
import { ShowOnProjectorButton } from '../../src/features/common/ShowOnProjectorButton';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { CaseRoomPanel } from '../../src/features/quiz/CaseRoomPanel';
import { useStage } from '../../src/features/room/useRoom';
import { readStage } from '../../src/sync/stage/stageSchema';
import { renderWithI18n } from './render';
import { renderWithRoom } from '../support/room';

function WallButton() {
  const stage = useStage();
  return (
    <ShowOnProjectorButton
      kind="timeline"
      showing={stage.kind === 'timeline'}
      label="Show the wall on the projector"
    />
  );
}

describe('the tools’ shared controls', () => {
  it('puts a tool on the projector, then the agenda back, and every peer sees the stage change', async () => {
    const { doc, peer } = await renderWithRoom(<WallButton />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show the wall on the projector' }));
    const back = await screen.findByRole('button', {
      name: 'Put the agenda back on the projector',
    });
    expect(back).toHaveAttribute('aria-pressed', 'true');
    expect(readStage(doc).kind).toBe('timeline');
    expect(peer && readStage(peer).kind).toBe('timeline');
    await user.click(back);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Show the wall on the projector' }),
      ).toHaveAttribute('aria-pressed', 'false'),
    );
    expect(readStage(doc).kind).toBe('agenda');
  });

  it('says why a tool needs the live room, and offers to open one', async () => {
    const library = await preloadContentLibrary();
    const entry = findCase(library, 'case-analysis-1', 'en');
    if (!entry) throw new Error('case-analysis-1 missing');
    await renderWithI18n(<CaseRoomPanel data={entry.data} />);
    expect(screen.getByRole('region', { name: 'Run it with the room' })).toHaveTextContent(
      /Quizzes run in the live room/,
    );
    expect(screen.getByRole('button', { name: 'Open a live room' })).toBeInTheDocument();
  });

  it('picks a severity by its word, one choice at a time', async () => {
    function Choice() {
      const [severity, setSeverity] = useState<Severity>('green');
      return <SeverityChoice name="severity" value={severity} onChange={setSeverity} />;
    }
    await renderWithI18n(<Choice />);
    const user = userEvent.setup();
    expect(screen.getByRole('group', { name: 'How serious was it?' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Green: low' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Red: serious' }));
    expect(screen.getByRole('radio', { name: 'Red: serious' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Green: low' })).not.toBeChecked();
  });
});
