// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule is the test: prove it is on for app code, so words cannot bypass the locales. */
describe('user-visible words in JSX', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  it('are refused when written as literals', async () => {
    const [result] = await eslint.lintText('export const A = () => <p>Hello</p>;\n', {
      filePath: 'src/features/example/Example.tsx',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('react/jsx-no-literals');
  });

  it('are accepted when they come from the translation function', async () => {
    const [result] = await eslint.lintText(
      "import { useTranslation } from 'react-i18next';\nexport const A = () => {\n  const { t } = useTranslation();\n  return <p>{t('app.name')}</p>;\n};\n",
      { filePath: 'src/features/example/Example.tsx' },
    );
    expect(result?.messages.filter((m) => m.ruleId === 'react/jsx-no-literals')).toEqual([]);
  });
});
