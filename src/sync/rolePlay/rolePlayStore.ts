/** The room's role-play data, validated, re-read when any of its maps (or the stage) change. */
import { emptyRegister } from '../../domain/rolePlay';
import { createDocStore } from '../docStore';
import {
  readCast,
  readRegisterForm,
  readRegisteredIncidents,
  readRolePlayRun,
  readRolePoints,
} from './rolePlaySchema';
import { ROOM_MAPS } from '../schemaParts';

export const rolePlayStore = createDocStore(
  [
    ROOM_MAPS.rolePlay,
    ROOM_MAPS.rolePlayCast,
    ROOM_MAPS.rolePlayPoints,
    ROOM_MAPS.register,
    ROOM_MAPS.stage,
  ],
  (doc) => {
    const run = readRolePlayRun(doc);
    return {
      run,
      form: (run && readRegisterForm(doc, run.caseId)) ?? emptyRegister(),
      cast: readCast(doc),
      points: readRolePoints(doc),
      registered: readRegisteredIncidents(doc),
    };
  },
);

export type RolePlaySnapshot = ReturnType<typeof rolePlayStore.snapshot>;
