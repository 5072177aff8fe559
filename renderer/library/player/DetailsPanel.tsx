// Everything known about one generation: its parameters, the request body exactly as sent (request.json; older
// records show what their record holds), the task's ids, credits, timings and the profile it went through.
import type { GenerationDetails } from '../../../shared/library/details';
import type { GenerationView } from '../../../shared/library/generation';
import { statusLabel } from '../status';

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** `text`: a paragraph (a prompt), read under its term across the panel rather than squeezed into the value column. */
function Fact({ term, text = false, children }: { term: string; text?: boolean; children: React.ReactNode }) {
  return (
    <>
      <dt className={text ? 'pl-fact--text' : undefined}>{term}</dt>
      <dd className={text ? 'pl-fact--text' : undefined}>{children}</dd>
    </>
  );
}

function Facts({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h4 id={id} className="pl-details__title">
        {title}
      </h4>
      <dl className="pl-facts" aria-labelledby={id}>
        {children}
      </dl>
    </section>
  );
}

function cameraText(g: GenerationView): string | undefined {
  const camera = g.settings.camera;
  if (!camera) return undefined;
  const config = 'config' in camera && camera.config ? Object.entries(camera.config).filter(([, v]) => v !== 0) : [];
  return [camera.type, ...config.map(([k, v]) => `${k} ${String(v)}`)].join(' · ');
}

export function DetailsPanel({ details }: { details: GenerationDetails }) {
  const g = details.generation;
  const s = g.settings;
  const camera = cameraText(g);
  const areas = details.masks.dynamic.length;
  return (
    <div className="pl-details">
      <Facts id="pl-params" title="Parameters">
          <Fact term="Status">{statusLabel(g)}</Fact>
          <Fact term="Model">{s.model || 'not reported'}</Fact>
          <Fact term="Mode">{s.mode === 'pro' ? 'Professional' : 'Standard'}</Fact>
          <Fact term="Duration">{s.duration} s</Fact>
          {s.cfgScale !== undefined && <Fact term="CFG scale">{s.cfgScale}</Fact>}
          <Fact term="Prompt" text>
            {s.prompt || '—'}
          </Fact>
          <Fact term="Negative prompt" text>
            {s.negativePrompt || '—'}
          </Fact>
          <Fact term="End frame">{g.inputs.end ? 'yes' : 'no'}</Fact>
          <Fact term="Motion brush">
            {details.masks.static || areas > 0
              ? [details.masks.static ? 'still area' : '', areas ? `${areas} moving ${areas === 1 ? 'area' : 'areas'}` : ''].filter(Boolean).join(', ')
              : 'none'}
          </Fact>
          {camera && <Fact term="Camera">{camera}</Fact>}
          {s.sound && <Fact term="Sound">{s.sound}</Fact>}
          {s.voices?.length ? <Fact term="Voices">{s.voices.join(', ')}</Fact> : null}
      </Facts>
      <Facts id="pl-task" title="Task">
          <Fact term="Task id">{g.taskId ? <code>{g.taskId}</code> : '—'}</Fact>
          <Fact term="External id">{g.externalTaskId ? <code>{g.externalTaskId}</code> : '—'}</Fact>
          <Fact term="Credits">{g.creditsCharged ?? '—'}</Fact>
          <Fact term="Profile">
            {g.provider.label} ({g.provider.kind})
          </Fact>
          {g.error && (
            <Fact term="Reason">
              {g.error.message}
              {g.error.detail ? ` ${g.error.detail}` : ''}
            </Fact>
          )}
      </Facts>
      <Facts id="pl-timings" title="Timings">
          <Fact term="Queued">{when(g.createdAt)}</Fact>
          <Fact term="Submitted">{when(g.timings.submittedAt)}</Fact>
          <Fact term="Finished">{when(g.timings.finishedAt)}</Fact>
          <Fact term="Downloaded">{when(g.timings.downloadedAt)}</Fact>
      </Facts>
      <details className="pl-request">
        <summary>Request body as sent</summary>
        {details.requestBody !== undefined ? (
          <pre aria-label="Request body" tabIndex={0}>
            {JSON.stringify(details.requestBody, null, 2)}
          </pre>
        ) : (
          <p className="pl-note" role="note">
            {details.requestProblem ??
              'This generation was made before request bodies were kept; the parameters above are what its record holds.'}
          </p>
        )}
      </details>
    </div>
  );
}
