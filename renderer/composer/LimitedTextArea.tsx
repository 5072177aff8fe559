import { useRef, type ReactNode } from 'react';
import { countCharacters } from '../../shared/kling/validate';

/** `<<<voice_1>>>`, `<<<voice_2>>>`: how a prompt names the voices of voice_list (contract, `prompt`). */
const VOICE_TOKEN = /(<<<voice_\d+>>>)/;

/** The text with its voice tokens marked, for the layer drawn under the (transparent) text of the text area. */
function highlighted(text: string): ReactNode[] {
  return text.split(VOICE_TOKEN).map((part, i) => (i % 2 === 1 ? <mark key={i} className="voice-token">{part}</mark> : part));
}

/**
 * A text area with a live count against Kling's limit, counted as main's validation counts (code points). With
 * `highlightVoices`, voice tokens are marked by a layer under the text that scrolls with it.
 */
export function LimitedTextArea(props: {
  id?: string;
  label: string;
  value: string;
  limit: number;
  rows: number;
  placeholder: string;
  highlightVoices?: boolean;
  onChange(value: string): void;
}) {
  const length = countCharacters(props.value);
  const backdrop = useRef<HTMLDivElement>(null);
  const area = (
    <textarea
      id={props.id}
      className={`textarea ${props.highlightVoices ? 'textarea--over-marks' : ''}`}
      rows={props.rows}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      onScroll={(e) => {
        if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
      }}
    />
  );
  return (
    <label className="field">
      <span className="field__label">
        {props.label}
        <span className={`counter ${length > props.limit ? 'counter--over' : ''}`}>
          {length} / {props.limit}
        </span>
      </span>
      {props.highlightVoices ? (
        <div className="marked-text">
          <div ref={backdrop} className="marked-text__marks textarea" aria-hidden="true">
            {highlighted(props.value)}
            {'\n'}
          </div>
          {area}
        </div>
      ) : (
        area
      )}
    </label>
  );
}
