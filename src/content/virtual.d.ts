declare module 'virtual:content' {
  import type { ContentLibrary } from './validate';
  const library: ContentLibrary;
  export default library;
}

/** One language's part of the library (src/content/vitePlugin.ts). */
declare module 'virtual:content/*' {
  import type { ContentPart } from './validate';
  const part: ContentPart;
  export default part;
}
