// The channel and event names of the bridge without their schemas, so the preload (which only forwards calls) does
// not bundle the parser. `contract.ts` checks at compile time that this list and the contract agree.
export const CHANNELS = {
  app: ['info', 'setMenu', 'openLink', 'ready', 'saveImage'],
  settings: ['get', 'update', 'dismissNotice', 'setConcurrency', 'moveLibrary', 'reopenLibrary', 'useDefaultLibrary'],
  provider: ['status'],
  profiles: ['list', 'save', 'remove', 'select', 'testConnection', 'importTasks'],
  generations: ['create', 'cancel', 'savePoster', 'details', 'reveal', 'saveVideo', 'again', 'redownload'],
  composer: ['loadSettings', 'saveSettings', 'previewRequest', 'copyAsCurl'],
  library: ['page', 'get', 'damaged', 'delete', 'undoDelete', 'giveUp', 'lastPrice'],
} as const;

export const EVENT_NAMES = ['generation.updated', 'app.command', 'settings.changed', 'app.openFile', 'library.changed', 'app.showGeneration', 'library.moveProgress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const channelName = (domain: string, method: string): string => `${domain}:${method}`;
