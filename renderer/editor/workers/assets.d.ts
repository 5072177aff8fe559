// Vite's `?url` imports: the emitted file's URL (https://vite.dev/guide/assets#explicit-url-imports).
declare module '*?url' {
  const url: string;
  export default url;
}
