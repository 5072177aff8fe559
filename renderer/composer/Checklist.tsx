// "Checks before sending": every problem validation finds in what is composed now, errors first, each with its
// severity in words (not only a colour). A click on one takes the person to the field or the editor area it concerns.
import type { Problem } from '../../shared/kling/problems';
import { focusField } from './focus-field';

const SEVERITY_WORDS: Record<Problem['severity'], string> = { error: 'Error', warning: 'Warning' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function Checklist({ problems }: { problems: readonly Problem[] }) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const summary =
    problems.length === 0 ? 'all clear' : [errors.length > 0 && plural(errors.length, 'error'), warnings.length > 0 && plural(warnings.length, 'warning')].filter(Boolean).join(', ');
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title" className="checklist__title">
        Checks before sending <span className="checklist__summary">{summary}</span>
      </h3>
      {problems.length === 0 ? (
        <p className="checklist__clear">Nothing to fix: Kling takes this request as it is.</p>
      ) : (
        <ul className="checklist__list" aria-label="Checks before sending">
          {[...errors, ...warnings].map((p, i) => (
            <li key={`${i}-${p.rule}-${p.field}`}>
              <button
                type="button"
                className={`check check--${p.severity}`}
                // The badge and the message read as one sentence: "Error: …".
                aria-label={`${SEVERITY_WORDS[p.severity]}: ${p.message}`}
                title="Go to what this concerns"
                onClick={() => focusField(p.field)}
              >
                <span className="check__severity">{SEVERITY_WORDS[p.severity]}</span>
                <span className="check__message">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
