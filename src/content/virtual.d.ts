declare module 'virtual:content' {
  import type { ContentLibrary } from './validate';
  const library: ContentLibrary;
  export default library;
}
