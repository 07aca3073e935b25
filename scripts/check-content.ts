/** Prints every content error, one a line; exits non-zero if there is any. */
import { readContentFiles } from '../src/content/readContentFiles';
import { missingTranslations, validateContent } from '../src/content/validate';

const { library, errors: invalid } = validateContent(readContentFiles(process.cwd()));
const errors = [...invalid, ...missingTranslations(library)];
for (const error of errors) console.error(error);
const counts = Object.entries(library)
  .map(([folder, perLang]) =>
    Object.entries(perLang)
      .map(([lang, entries]) => `${folder}/${lang}: ${(entries as unknown[]).length}`)
      .join(', '),
  )
  .join('; ');
console.log(`content: ${errors.length} error(s); ${counts}`);
process.exit(errors.length > 0 ? 1 : 0);
