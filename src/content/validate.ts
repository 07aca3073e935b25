/**
 * Turns raw content files into a validated library, or into messages that name
 * the file, the field and what was expected. Pure: the caller reads the files.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  LANGUAGES,
  caseSchema,
  sessionSchema,
  templateSchema,
  type Case,
  type ContentEntry,
  type ContentKind,
  type ContentLanguage,
  type Session,
  type Template,
} from './schema.ts';

export type RawContentFile = { path: string; source: string };

export type ContentLibrary = {
  sessions: Record<ContentLanguage, ContentEntry<Session>[]>;
  cases: Record<ContentLanguage, ContentEntry<Case>[]>;
  templates: Record<ContentLanguage, ContentEntry<Template>[]>;
};

/** One language's part of the library. */
export type ContentPart = { [F in keyof ContentLibrary]: ContentLibrary[F]['en'] };

export type ValidationResult = { library: ContentLibrary; errors: string[] };

const FOLDERS = { sessions: 'session', cases: 'case', templates: 'template' } as const;
type Folder = keyof typeof FOLDERS;

const SCHEMAS: Record<ContentKind, z.ZodType> = {
  session: sessionSchema,
  case: caseSchema,
  template: templateSchema,
};

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function emptyLibrary(): ContentLibrary {
  const perLanguage = <T>() =>
    Object.fromEntries(LANGUAGES.map((lang) => [lang, [] as T[]])) as Record<ContentLanguage, T[]>;
  return { sessions: perLanguage(), cases: perLanguage(), templates: perLanguage() };
}

/** Validates every file, then the references between them. */
export function validateContent(files: readonly RawContentFile[]): ValidationResult {
  const library = emptyLibrary();
  const errors: string[] = [];
  // A file that failed has had its say; references to it are not reported again.
  const failed = new Set<string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const result = parseContentFile(file);
    if ('errors' in result) {
      errors.push(...result.errors);
      failed.add(file.path.split('/').slice(-3).join('/').replace(/\.md$/, ''));
    } else addToLibrary(library, result.folder, result.lang, result.entry);
  }
  errors.push(...checkDuplicates(library), ...checkReferences(library, failed));
  return { library, errors };
}

type Parsed =
  { folder: Folder; lang: ContentLanguage; entry: ContentEntry<unknown> } | { errors: string[] };

export function parseContentFile({ path, source }: RawContentFile): Parsed {
  const location = locate(path);
  if ('error' in location) return { errors: [`${path}: ${location.error}`] };
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return { errors: [`${path}: expected YAML front matter between two "---" lines at the top`] };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    const where =
      error instanceof YAMLParseError ? ` (line ${error.linePos?.[0].line ?? '?'})` : '';
    return { errors: [`${path}: front matter is not valid YAML${where}: ${firstLine(error)}`] };
  }
  const kind = FOLDERS[location.folder];
  const parsed = SCHEMAS[kind].safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map(
        (issue) => `${path}: ${fieldName(issue.path)}: ${describe(issue)}`,
      ),
    };
  }
  const checked = parsed.data as { id: string; lang: string };
  const errors: string[] = [];
  if (checked.id !== location.name) {
    errors.push(`${path}: id: expected "${location.name}" (the file name), found "${checked.id}"`);
  }
  if (checked.lang !== location.lang) {
    errors.push(`${path}: lang: expected "${location.lang}" (the folder), found "${checked.lang}"`);
  }
  if (errors.length > 0) return { errors };
  return {
    folder: location.folder,
    lang: location.lang,
    entry: { file: path, data: parsed.data, body: (match[2] ?? '').trim() },
  };
}

function locate(
  path: string,
): { folder: Folder; lang: ContentLanguage; name: string } | { error: string } {
  const parts = path.split('/');
  const [folder, lang, fileName] = parts.slice(-3);
  if (!folder || !(folder in FOLDERS)) {
    return { error: 'expected the file under sessions/, cases/ or templates/' };
  }
  if (!lang || !(LANGUAGES as readonly string[]).includes(lang)) {
    return { error: `expected a language folder (${LANGUAGES.join(', ')}), found "${lang}"` };
  }
  if (!fileName?.endsWith('.md')) return { error: 'expected a .md file' };
  return { folder: folder as Folder, lang: lang as ContentLanguage, name: fileName.slice(0, -3) };
}

function addToLibrary(
  library: ContentLibrary,
  folder: Folder,
  lang: ContentLanguage,
  entry: ContentEntry<unknown>,
): void {
  (library[folder][lang] as ContentEntry<unknown>[]).push(entry);
}

function checkDuplicates(library: ContentLibrary): string[] {
  const errors: string[] = [];
  for (const folder of Object.keys(FOLDERS) as Folder[]) {
    for (const lang of LANGUAGES) {
      const seen = new Map<string, string>();
      for (const entry of library[folder][lang] as ContentEntry<{ id: string }>[]) {
        const first = seen.get(entry.data.id);
        if (first)
          errors.push(`${entry.file}: id: duplicate id "${entry.data.id}", also in ${first}`);
        seen.set(entry.data.id, entry.file);
      }
    }
  }
  return errors;
}

/**
 * Every language of the list has every file English has: a file missing in a
 * language only falls back to English on screen, so the check names it.
 */
export function missingTranslations(library: ContentLibrary): string[] {
  const errors: string[] = [];
  for (const folder of Object.keys(FOLDERS) as Folder[]) {
    const english = (library[folder].en as ContentEntry<{ id: string }>[]).map((e) => e.data.id);
    for (const lang of LANGUAGES) {
      if (lang === 'en') continue;
      const have = new Set(
        (library[folder][lang] as ContentEntry<{ id: string }>[]).map((e) => e.data.id),
      );
      for (const id of english) {
        if (!have.has(id))
          errors.push(`${folder}/${lang}/${id}.md: missing; English has ${folder}/en/${id}.md`);
      }
    }
  }
  return errors;
}

/** An agenda may name a case or template in its own language or in English. */
function checkReferences(library: ContentLibrary, failed: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  for (const lang of LANGUAGES) {
    const known = (folder: 'cases' | 'templates') => {
      const ids = new Set([...library[folder][lang], ...library[folder].en].map((e) => e.data.id));
      const broken = [...failed].filter((f) => f.startsWith(`${folder}/`));
      for (const path of broken) ids.add(path.split('/')[2] ?? '');
      return ids;
    };
    const cases = known('cases');
    const templates = known('templates');
    for (const { file, data } of library.sessions[lang]) {
      data.agenda.forEach((item, index) => {
        item.cases.forEach((ref, i) => {
          if (!cases.has(ref)) {
            errors.push(
              `${file}: agenda.${index}.cases.${i}: unknown case "${ref}" (known: ${[...cases].join(', ') || 'none'})`,
            );
          }
        });
        item.templates.forEach((ref, i) => {
          if (!templates.has(ref)) {
            errors.push(
              `${file}: agenda.${index}.templates.${i}: unknown template "${ref}" (known: ${[...templates].join(', ') || 'none'})`,
            );
          }
        });
      });
    }
  }
  return errors;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(front matter)' : path.map(String).join('.');
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    return received === undefined
      ? `missing; expected ${issue.expected}`
      : `expected ${issue.expected}, found ${typeof received}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_union' && issue.path.length === 0) {
    return 'expected a known format';
  }
  return issue.message;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
