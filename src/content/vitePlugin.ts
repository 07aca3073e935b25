/**
 * Validates the content folders when Vite builds or serves, and offers the
 * validated library as `virtual:content`, and each language's part of it as
 * `virtual:content/<language>` (what the app loads: a screen needs English, the
 * fallback, and its own language, not all four). A broken file stops the build
 * with every message at once, so a trainer fixes them in one pass.
 */
import type { Plugin } from 'vite';
import { LANGUAGES } from './languages.ts';
import { CONTENT_FOLDERS, readContentFiles } from './readContentFiles.ts';
import { validateContent, type ContentLibrary } from './validate.ts';

const VIRTUAL_ID = 'virtual:content';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const LANGUAGE_ID = new RegExp(`^\\0${VIRTUAL_ID}/(${LANGUAGES.join('|')})$`);

export function contentPlugin(root: string): Plugin {
  // Validated once per build (every language's module reads the same result), again after an edit.
  let validated: ContentLibrary | undefined;
  const library = (): ContentLibrary => {
    if (validated) return validated;
    const { library: read, errors } = validateContent(readContentFiles(root));
    if (errors.length > 0) {
      throw new Error(`Invalid workshop content:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    }
    validated = read;
    return read;
  };
  return {
    name: 'swk-content',
    resolveId(id) {
      return id === VIRTUAL_ID || id.startsWith(`${VIRTUAL_ID}/`) ? '\0' + id : undefined;
    },
    load(id) {
      if (id === RESOLVED_ID) return `export default ${JSON.stringify(library())};`;
      const language = LANGUAGE_ID.exec(id)?.[1] as keyof ContentLibrary['sessions'] | undefined;
      if (!language) return undefined;
      const all = library();
      const part = {
        sessions: all.sessions[language],
        cases: all.cases[language],
        templates: all.templates[language],
      };
      return `export default ${JSON.stringify(part)};`;
    },
    handleHotUpdate({ file, server }) {
      if (CONTENT_FOLDERS.some((folder) => file.includes(`/${folder}/`)) && file.endsWith('.md')) {
        validated = undefined;
        for (const id of [VIRTUAL_ID, ...LANGUAGES.map((l) => `${VIRTUAL_ID}/${l}`)]) {
          const module = server.moduleGraph.getModuleById('\0' + id);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
