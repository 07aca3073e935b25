import type { TFunction } from 'i18next';
import type { RolePlayCase } from '../../content/schema';
import {
  REGISTER_FIELDS,
  type RegisterField,
  type RolePlayStage,
  type StepPart,
} from '../../domain/rolePlay';

function isRegisterField(part: StepPart): part is RegisterField {
  return (REGISTER_FIELDS as readonly string[]).includes(part);
}

/** A part's name in the interface's language: the register's fields are the form's labels. */
export function partLabel(t: TFunction, part: StepPart): string {
  return isRegisterField(part) ? t(`record.${part}`) : t(`rolePlay.part.${part}`);
}

/** A step as the case words it ("1. Register the incident"); setup and conclusion from the interface. */
export function stageTitle(t: TFunction, rolePlay: RolePlayCase, stage: RolePlayStage): string {
  const step = rolePlay.steps.find((s) => s.id === stage);
  if (stage === 'setup' || stage === 'conclusion' || !step) {
    return t(stage === 'conclusion' ? 'rolePlay.stage.conclusion' : 'rolePlay.stage.setup');
  }
  return `${rolePlay.steps.indexOf(step) + 1}. ${step.title}`;
}
