// How the stage shows the clip: alone, beside its start frame, with a wipe between the two, or A/B beside another
// generation played in step; and the overlay of what was sent.
import type { GenerationView } from '../../../shared/library/generation';
import { generationTitle } from './neighbours';

export type StageMode = 'clip' | 'side' | 'wipe' | 'ab';

const MODES: { mode: StageMode; label: string }[] = [
  { mode: 'clip', label: 'Clip' },
  { mode: 'side', label: 'Side by side' },
  { mode: 'wipe', label: 'Wipe' },
  { mode: 'ab', label: 'A/B' },
];

export interface CompareBarProps {
  mode: StageMode;
  onMode(mode: StageMode): void;
  overlay: boolean;
  onOverlay(on: boolean): void;
  canOverlay: boolean;
  hasStart: boolean;
  wipe: number;
  onWipe(percent: number): void;
  others: GenerationView[];
  otherId: string | undefined;
  onOther(id: string): void;
}

export function CompareBar(p: CompareBarProps) {
  const disabled = (m: StageMode) => ((m === 'side' || m === 'wipe') && !p.hasStart) || (m === 'ab' && p.others.length === 0);
  return (
    <div className="pl-compare">
      <div className="pl-modes" role="radiogroup" aria-label="Compare">
        {MODES.map(({ mode, label }) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={p.mode === mode}
            className={`pl-btn${p.mode === mode ? ' is-on' : ''}`}
            disabled={disabled(mode)}
            onClick={() => p.onMode(mode)}
          >
            {label}
          </button>
        ))}
      </div>
      {p.mode === 'wipe' && (
        <input className="pl-wipe-slider" type="range" aria-label="Wipe" min={0} max={100} value={p.wipe} onChange={(e) => p.onWipe(Number(e.currentTarget.value))} />
      )}
      {p.mode === 'ab' && (
        <select className="pl-speed" aria-label="Compare with" value={p.otherId ?? ''} onChange={(e) => p.onOther(e.currentTarget.value)}>
          {p.others.map((o) => (
            <option key={o.id} value={o.id}>
              {generationTitle(o).slice(0, 60)}
              {o.group ? ` (variation ${o.group.index + 1} of ${o.group.count})` : ''}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className={`pl-btn${p.overlay ? ' is-on' : ''}`}
        aria-pressed={p.overlay}
        disabled={!p.canOverlay}
        title={p.canOverlay ? 'The masks and paths that were sent, over the clip' : 'Nothing was painted for this generation'}
        onClick={() => p.onOverlay(!p.overlay)}
      >
        Overlay
      </button>
    </div>
  );
}
