import { useEffect } from 'react';
import { isDiscreet, usesNeutralWords, type Discreet, type RoomPause } from '../../domain/care';
import { setDiscreetName } from '../../lib/discreetName';
import { careStore, type CareSnapshot } from '../../sync/care/careSchema';
import { useRoomValue } from '../room/RoomContext';
import { setDiscreetWords } from './discreetTexts';

const pauseOf = (care: CareSnapshot) => care.pause;
const discreetOf = (care: CareSnapshot) => care.discreet;

/** The room's care: pause, discreet mode, break requests. */
export function useCare(): CareSnapshot {
  return useRoomValue(careStore);
}

export function usePause(): RoomPause {
  return useRoomValue(careStore, pauseOf);
}

export function useDiscreet(): Discreet {
  return useRoomValue(careStore, discreetOf);
}

/**
 * Applies the room's discreet mode to this page while the room is open here:
 * the neutral name (page title, header, file names, PDF metadata) and the
 * neutral words of the interface and the content, unless the trainer keeps
 * the topic's words. Called once per page, by its room's screen.
 */
export function useRoomDiscretion(): void {
  const discreet = useDiscreet();
  const name = isDiscreet(discreet) ? discreet.name.trim() : null;
  const neutralWords = usesNeutralWords(discreet);
  useEffect(() => {
    setDiscreetName(name);
  }, [name]);
  useEffect(() => {
    setDiscreetWords(neutralWords);
  }, [neutralWords]);
  useEffect(
    () => () => {
      setDiscreetName(null);
      setDiscreetWords(false);
    },
    [],
  );
}
