import { PdfExportButton } from '../../pdf/PdfExportButton';
import { planTableSheet } from '../../pdf/sheets';
import { blankTemplateSheet, credited } from '../../pdf/handouts';
import { useTranslation } from 'react-i18next';
import type { Localised } from '../../content/library';
import type { Template } from '../../content/schema';
import { ContentFrame } from '../common/ContentFrame';
import { PointList } from '../common/PointList';
import { Section } from '../common/Section';
import './templates.css';

export function TemplateView({ entry }: { entry: Localised<Template> }) {
  const { t } = useTranslation();
  const data = entry.data;
  return (
    <ContentFrame entry={entry}>
      <PdfExportButton
        label={t('pdf.blankTable')}
        fileName={data.id}
        sheets={(direction) => [
          blankTemplateSheet(data, t, direction),
          // The worked example on a sheet of its own, so the blank one stays blank.
          ...(data.example ? credited([planTableSheet(data, null, t, direction)], t, data) : []),
        ]}
        content={entry}
      />
      {data.fields.length > 0 && (
        <Section heading={t('template.fields')}>
          <dl>
            {data.fields.map((field) => (
              <div key={field.id}>
                <dt>{field.label}</dt>
                {field.hint && <dd>{field.hint}</dd>}
              </div>
            ))}
          </dl>
        </Section>
      )}
      <Section heading={t('template.columns')}>
        <dl>
          {data.columns.map((column) => (
            <div key={column.id}>
              <dt>
                {column.group
                  ? t('template.groupedColumn', { group: column.group, label: column.label })
                  : column.label}
                {column.shareable && <span className="tag">{t('template.shareable')}</span>}
              </dt>
              {column.hint && <dd>{column.hint}</dd>}
              {column.origin === 'project' && (
                <dd>
                  <em className="origin">{t('content.projectOwn')}</em>
                </dd>
              )}
            </div>
          ))}
        </dl>
      </Section>
      {data.example && (
        <Section heading={t('template.example')}>
          {data.fields.length > 0 && (
            <dl className="example-fields">
              {data.fields.map((field) => (
                <div key={field.id}>
                  <dt>{field.label}</dt>
                  <dd>{data.example?.fields[field.id] ?? ''}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="table-scroll">
            <table className="plan-table">
              <caption>{t('template.exampleTable', { title: data.example.title })}</caption>
              <thead>
                <tr>
                  {data.columns.map((column) => (
                    <th key={column.id} scope="col">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.example.rows.map((row, index) => (
                  <tr key={index}>
                    {data.columns.map((column) => (
                      <td key={column.id}>
                        <Cell value={row[column.id]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      {data.lists.map((list) => (
        <Section key={list.id} heading={list.heading}>
          {list.origin === 'project' && (
            <p>
              <em className="origin">{t('content.projectOwn')}</em>
            </p>
          )}
          <PointList points={list.points} />
        </Section>
      ))}
    </ContentFrame>
  );
}

function Cell({ value }: { value: string | string[] | undefined }) {
  if (value === undefined) return null;
  return Array.isArray(value) ? <PointList points={value} /> : <>{value}</>;
}
