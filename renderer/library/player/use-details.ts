// One generation as the player shows it, fetched by id from main (the library's grid may hold only index rows), and
// fetched again whenever main says that generation changed (a re-download finishing, a poster saved).
import { useEffect, useState } from 'react';
import { studio } from '../../api';
import type { GenerationDetails } from '../../../shared/library/details';

export type DetailsState = { id: string; details?: GenerationDetails; error?: string };

export function useGenerationDetails(id: string | undefined): DetailsState | undefined {
  const [state, setState] = useState<DetailsState>();
  useEffect(() => {
    if (!id) return;
    let alive = true;
    const load = async () => {
      const result = await studio.generations.details({ id });
      if (!alive) return;
      setState(result.ok ? { id, details: result.value } : { id, error: result.error.message });
    };
    void load();
    const off = studio.on('generation.updated', (g) => {
      if (g.id === id) void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [id]);
  return id && state?.id === id ? state : id ? { id } : undefined;
}
