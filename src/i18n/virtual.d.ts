declare module 'virtual:strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
