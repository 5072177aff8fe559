// Cost awareness: what Kling charged the last time this library sent a task of the same model, mode, duration, sound
// and voices (main answers from the library's index), times the variations; "no price known yet" when it never did.
// Nothing here estimates a price.
import { useEffect, useState } from 'react';
import { describeCombination } from '../../shared/kling/model-summary';
import { priceKeyOf, soundAndVoicesOf, multiplyCredits, type LastPrice, type PriceKey } from '../../shared/library/price';
import { studio } from '../api';
import { creditsLabel } from '../library/card-facts';
import { useComposer } from '../store/composer';
import { useLibrary } from '../store/library';
import { composedParameters } from './parameter-inputs';

/**
 * The key of the request the composer would send (sound and voices as they would go: none before kling-v2-6), as text
 * so that the store hands back the same value until the key changes.
 */
function usePriceKey(): string {
  return useComposer((s) => (s.model ? JSON.stringify(priceKeyOf(composedParameters(s))) : ''));
}

/**
 * The last price of `key`, asked again whenever the library changes: a generation that succeeds may be the first of its
 * kind, and one deleted (or brought back by Undo, or removed by another program) may be the one whose price was shown.
 */
function useLastPrice(id: string): { key: string; price: LastPrice | null } | undefined {
  const [answer, setAnswer] = useState<{ key: string; price: LastPrice | null }>();
  const revision = useLibrary((l) => l.revision);
  useEffect(() => {
    if (!id) return;
    let live = true;
    void studio.library.lastPrice(JSON.parse(id) as PriceKey).then((result) => {
      if (live) setAnswer({ key: id, price: result.ok ? result.value : null });
    });
    return () => {
      live = false;
    };
  }, [id, revision]);
  return answer?.key === id ? answer : undefined;
}

const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function CostLine() {
  const id = usePriceKey();
  const variations = useComposer((s) => s.variations);
  const answer = useLastPrice(id);
  if (!id || !answer) return null;
  const key = JSON.parse(id) as PriceKey;
  const what = `${describeCombination(key)}${soundAndVoicesOf(key)}`;
  const { price } = answer;
  const total = price && variations > 1 ? multiplyCredits(price.credits, variations) : undefined;
  return (
    <p className="cost-line" role="status" aria-label="Cost">
      <span className="cost-line__label">Cost</span>
      {price ? (
        <span>
          {what} cost <strong>{creditsLabel(price.credits)}</strong> the last time in this library ({price.profileLabel}, {dateOf(price.createdAt)})
          {variations > 1 && (total ? <>; {variations} variations: <strong>{creditsLabel(total)}</strong></> : `; ${variations} variations cost ${variations} times that`)}.
        </span>
      ) : (
        <span>No price known yet for {what}: this library holds no such generation that Kling charged.</span>
      )}
    </p>
  );
}
