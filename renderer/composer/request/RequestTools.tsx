// Under Generate: "Show request" (the exact body in plain sight) and the Request view it opens.
import { useComposer } from '../../store/composer';
import { RequestDialog } from './RequestDialog';
import { useRequestView } from './request-view';

export function RequestTools() {
  const hasStart = useComposer((s) => Boolean(s.startFrame));
  const show = useRequestView((s) => s.show);
  return (
    <div className="request-tools">
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={!hasStart}
        title={hasStart ? 'The exact JSON body Generate would send now' : 'Add a start frame first'}
        onClick={() => void show()}
      >
        Show request
      </button>
      <RequestDialog />
    </div>
  );
}
