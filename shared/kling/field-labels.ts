// How request fields are named in messages a person reads ("Start frame must be …"), in one place so the UI, the CLI
// and validation agree on the words.

const LABELS: Readonly<Record<string, string>> = {
  startFrame: 'start frame',
  endFrame: 'end frame',
  staticMask: 'static mask',
  dynamicMasks: 'motion brush',
  prompt: 'prompt',
  negativePrompt: 'negative prompt',
  cfgScale: 'CFG scale',
  camera: 'camera control',
  voices: 'voices',
  sound: 'sound',
};

/** Lower-case label of a field path: `startFrame` → "start frame", `dynamicMasks.1.mask` → "dynamic mask 2". */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known !== undefined) return known;
  // Paths count from 0; people count motion areas from 1, as the editor shows them.
  const dynamic = /^dynamicMasks\.(\d+)(?:\.mask)?$/.exec(field);
  if (dynamic) return `dynamic mask ${Number(dynamic[1]) + 1}`;
  const trajectory = /^dynamicMasks\.(\d+)\.trajectory$/.exec(field);
  if (trajectory) return `motion path ${Number(trajectory[1]) + 1}`;
  return field;
}

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
