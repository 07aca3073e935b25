import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Severity } from '../../sync/roomSchema';

type Props = {
  /** The radio group's name: one per form on the page. */
  name: string;
  value: Severity;
  onChange: (severity: Severity) => void;
};

/** How serious an incident is, as a participant picks it: the colour and its word, never colour alone. */
export function SeverityChoice({ name, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="severity-choice">
      <legend>{t('phone.severity')}</legend>
      {SEVERITIES.map((severity) => (
        <label key={severity} className={`severity-option severity--${severity}`}>
          <input
            type="radio"
            name={name}
            value={severity}
            checked={value === severity}
            onChange={() => onChange(severity)}
          />
          {t(`severity.${severity}`)}
        </label>
      ))}
    </fieldset>
  );
}
