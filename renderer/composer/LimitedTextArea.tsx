import { countCharacters } from '../../shared/kling/validate';

/** A text area with a live count against Kling's limit, counted as main's validation counts (code points). */
export function LimitedTextArea(props: {
  label: string;
  value: string;
  limit: number;
  rows: number;
  placeholder: string;
  onChange(value: string): void;
}) {
  const length = countCharacters(props.value);
  return (
    <label className="field">
      <span className="field__label">
        {props.label}
        <span className={`counter ${length > props.limit ? 'counter--over' : ''}`}>
          {length} / {props.limit}
        </span>
      </span>
      <textarea
        className="textarea"
        rows={props.rows}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
