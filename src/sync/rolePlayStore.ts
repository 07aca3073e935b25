/** The room's role-play data, validated, re-read when any of its maps change. */
import { emptyRegister } from '../domain/rolePlay';
import { createDocStore } from './docStore';
import {
  ROOM_MAPS,
  readCast,
  readProjectorScreen,
  readRegisterForm,
  readRegisteredIncidents,
  readRolePlayRun,
  readRolePoints,
} from './roomSchema';

export const rolePlayStore = createDocStore(
  [
    ROOM_MAPS.rolePlay,
    ROOM_MAPS.rolePlayCast,
    ROOM_MAPS.rolePlayPoints,
    ROOM_MAPS.register,
    ROOM_MAPS.quiz,
  ],
  (doc) => {
    const run = readRolePlayRun(doc);
    return {
      run,
      form: (run && readRegisterForm(doc, run.caseId)) ?? emptyRegister(),
      cast: readCast(doc),
      points: readRolePoints(doc),
      registered: readRegisteredIncidents(doc),
      screen: readProjectorScreen(doc),
    };
  },
);

export type RolePlaySnapshot = ReturnType<typeof rolePlayStore.snapshot>;
