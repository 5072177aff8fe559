// Where the app's page and its library media come from inside Electron: custom protocols, never file://.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://studio`;
export const MEDIA_SCHEME = 'studio-media';
export const MEDIA_ORIGIN = `${MEDIA_SCHEME}://library`;
