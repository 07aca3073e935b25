import { timelineExtrasStore } from '../../sync/timeline/cardStore';
import { useIncidentCardItems } from '../room/useRoom';
import { useRoomValue } from '../room/RoomContext';

/** The wall's cards with their links and the group's insights, all validated. */
export function useTimeline() {
  const cards = useIncidentCardItems();
  const { links, insights } = useRoomValue(timelineExtrasStore);
  return { cards, links, insights };
}
