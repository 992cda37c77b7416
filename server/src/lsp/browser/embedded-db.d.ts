// dist/claims.json as text: the browser bundle carries the compiled embedded database as it is
// (scripts/bundle.mjs resolves this module to the file).
declare module 'claimlint:embedded-db' {
  const text: string;
  export default text;
}
