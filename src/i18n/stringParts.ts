/**
 * The interface's strings come in two parts per language. The first part is
 * what a phone's join screen and welcome, the join-by-code page and the
 * screens' frame say (in the first load, English always); the rest comes with
 * the live room, the console or the projector, before any of them is drawn.
 * A path is a top-level section ("join") or one string in it ("care.neutralName").
 */
export const FIRST_STRINGS: readonly string[] = [
  'app',
  'language',
  'join',
  'joinCode',
  'joinScreen.title',
  'phone.welcomeAnonymous',
  'phone.welcomeGeneric',
  'phone.welcomeGo',
  'phone.welcomeNoTasks',
  'status',
  'care.neutralName',
];

export type StringPart = 'first' | 'rest';
type Tree = { [key: string]: unknown };

/** One part of a language's strings, from its whole locale file. */
export function stringPart(strings: Tree, part: StringPart): Tree {
  const first: Tree = {};
  const rest: Tree = structuredClone(strings);
  for (const path of FIRST_STRINGS) {
    const [section = '', key] = path.split('.');
    const from = strings[section];
    if (from === undefined) continue;
    if (key === undefined) {
      first[section] = from;
      delete rest[section];
      continue;
    }
    const value = (from as Tree)[key];
    if (value === undefined) continue;
    first[section] = { ...(first[section] as Tree | undefined), [key]: value };
    delete (rest[section] as Tree)[key];
  }
  return part === 'first' ? first : rest;
}
