/**
 * Validates the content folders when Vite builds or serves, and offers the
 * validated library as `virtual:content`. A broken file stops the build with
 * every message at once, so a trainer fixes them in one pass.
 */
import type { Plugin } from 'vite';
import { CONTENT_FOLDERS, readContentFiles } from './readContentFiles.ts';
import { validateContent } from './validate.ts';

const VIRTUAL_ID = 'virtual:content';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function contentPlugin(root: string): Plugin {
  return {
    name: 'swk-content',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { library, errors } = validateContent(readContentFiles(root));
      if (errors.length > 0) {
        throw new Error(`Invalid workshop content:\n${errors.map((e) => `  ${e}`).join('\n')}`);
      }
      return `export default ${JSON.stringify(library)};`;
    },
    handleHotUpdate({ file, server }) {
      if (CONTENT_FOLDERS.some((folder) => file.includes(`/${folder}/`)) && file.endsWith('.md')) {
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
