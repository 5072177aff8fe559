// What a person can do with the generation in the player: reuse it, copy its prompt, find or save its clip. Each
// says what happened (or why not) in one status line.
import { useState } from 'react';
import { studio } from '../../api';
import { resultUrlMayLive, type GenerationDetails } from '../../../shared/library/details';
import { useLibrary } from '../../store/library';
import { useNow } from '../use-now';
import { continueFromLastFrame, reuseInEditor } from '../reuse/reuse-in-editor';

export function PlayerActions({ details }: { details: GenerationDetails }) {
  const g = details.generation;
  const [said, say] = useState<string>();
  const run = (work: () => Promise<string | undefined>) => () => {
    say(undefined);
    void work().then(say, (error: Error) => say(error.message));
  };
  const hasInputs = Boolean(g.media.start);
  const hasClip = details.clipOnDisk;
  const failed = g.status === 'failed' || g.status === 'given-up';
  const clipGone = g.status === 'succeed' && !hasClip;
  const now = useNow(false);
  // Re-downloading asks Kling for the task again: only while its URL can still be alive.
  const canRedownload = clipGone && Boolean(g.taskId) && resultUrlMayLive(g, now);
  const again = async () => {
    const r = await studio.generations.again({ id: g.id });
    if (!r.ok) return r.error.message;
    useLibrary.getState().upsert(r.value);
    return 'Sent again: the new generation is in the library';
  };

  const button = (label: string, work: () => Promise<string | undefined>, options: { disabled?: boolean; title?: string; primary?: boolean } = {}) => (
    <button
      type="button"
      className={`button button--small${options.primary ? ' button--primary' : ''}`}
      disabled={options.disabled}
      title={options.title}
      onClick={run(work)}
    >
      {label}
    </button>
  );
  /** Work whose result shows elsewhere (the editor, a new generation): nothing to say here. */
  const quietly = (work: () => Promise<unknown>) => () => work().then(() => undefined);

  return (
    <div className="pl-actions">
      <div className="pl-actions__row" role="group" aria-label="Reuse">
        {button('Reuse in editor', quietly(() => reuseInEditor(details)), {
          disabled: !hasInputs,
          title: hasInputs ? 'Frames, areas, masks, paths and parameters exactly as sent' : 'Kling does not return an imported task’s inputs',
        })}
        {button(
          'Copy prompt',
          async () => {
            await navigator.clipboard.writeText(g.settings.prompt);
            return 'Prompt copied';
          },
          { disabled: !g.settings.prompt },
        )}
      </div>
      <div className="pl-actions__row" role="group" aria-label="Files">
        {button('Reveal in folder', async () => {
          const r = await studio.generations.reveal({ id: g.id });
          return r.ok ? undefined : r.error.message;
        })}
        {button(
          'Save video as…',
          async () => {
            const r = await studio.generations.saveVideo({ id: g.id });
            if (!r.ok) return r.error.message;
            return r.value ? `Saved to ${r.value}` : undefined;
          },
          { disabled: !hasClip },
        )}
      </div>
      <div className="pl-actions__row" role="group" aria-label="Make again">
        {failed ? button('Retry', again, { disabled: !hasInputs, primary: true }) : button('Generate again', again, { disabled: !hasInputs })}
        {button('Continue from last frame', quietly(() => continueFromLastFrame(g)), {
          disabled: !hasClip,
          title: 'The clip’s last frame becomes the start frame of a new generation',
        })}
        {clipGone &&
          button(
            'Re-download',
            async () => {
              const r = await studio.generations.redownload({ id: g.id });
              if (!r.ok) return r.error.message;
              useLibrary.getState().upsert(r.value);
              return 'Downloading the clip again…';
            },
            { disabled: !canRedownload, title: canRedownload ? 'Download the clip again from Kling' : 'Kling deletes clips 30 days after making them' },
          )}
      </div>
      <p className="pl-said" role="status">
        {said}
      </p>
    </div>
  );
}
