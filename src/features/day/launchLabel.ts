import type { TFunction } from 'i18next';
import type { ToolLaunch } from '../../domain/agendaTools';
import type { DayModel } from './dayModel';

/** A launch as the trainer reads it: the tool and, where it has one, its case or template. */
export function launchLabel(t: TFunction, model: DayModel, launch: ToolLaunch): string {
  switch (launch.kind) {
    case 'quiz':
    case 'narrative':
    case 'timeline':
    case 'roleplay':
      return t(`launch.${launch.kind}`, { title: model.caseTitle(launch.caseId) });
    case 'plan':
      return launch.templateId
        ? t('launch.plan', { title: model.templateTitle(launch.templateId) })
        : t('launch.planAlone');
    case 'slides':
    case 'discussion':
    case 'break':
      return t(`launch.${launch.kind}`);
  }
}
