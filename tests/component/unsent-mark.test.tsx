import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomProvider } from '../../src/features/room/RoomContext';
import PhoneCards from '../../src/features/timeline/PhoneCards';
import { OwnCardsPlain } from '../../src/features/timeline/UnsentMark';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import { renderWithRoom } from '../support/room';

function twoCards() {
  const doc = new Y.Doc();
  const held = addIncidentCard(doc, 'phone-one-device', {
    text: 'Held by the console',
    severity: 'red',
    author: null,
  });
  const waiting = addIncidentCard(doc, 'phone-one-device', {
    text: 'Written offline',
    severity: 'green',
    author: null,
  });
  return { doc, held, waiting };
}

const cardWith = (text: string) =>
  screen.getAllByRole('listitem').find((item) => item.textContent?.includes(text));

describe('a phone’s own cards the console does not hold yet', () => {
  it('are each marked "not sent yet", and the others are not', async () => {
    const { doc, held, waiting } = twoCards();
    const { rerender } = await renderWithRoom(
      <PhoneCards
        cards={[held, waiting]}
        allCards={[held, waiting]}
        unsent={new Set([waiting.id])}
      />,
      { doc },
    );
    expect(within(cardWith('Written offline')!).getByText('Not sent yet')).toBeInTheDocument();
    expect(cardWith('Written offline')).toHaveTextContent(
      'it goes to the room as soon as the phone is back',
    );
    expect(cardWith('Held by the console')).not.toHaveTextContent('Not sent yet');
    // The console holds it now: the mark leaves, the card stays.
    rerender(
      <RoomProvider doc={doc}>
        <PhoneCards cards={[held, waiting]} allCards={[held, waiting]} unsent={new Set()} />
      </RoomProvider>,
    );
    expect(screen.queryByText('Not sent yet')).toBeNull();
    expect(cardWith('Written offline')).toBeDefined();
  });

  it('are marked too while the part that places cards on the year has not loaded', async () => {
    const { doc, held, waiting } = twoCards();
    await renderWithRoom(<OwnCardsPlain cards={[held, waiting]} unsent={new Set([waiting.id])} />, {
      doc,
    });
    expect(within(cardWith('Written offline')!).getByText('Not sent yet')).toBeInTheDocument();
    expect(cardWith('Held by the console')).not.toHaveTextContent('Not sent yet');
  });
});
