import { useEffect, useState } from 'react';

/** The time, ticking every `ms` while `active` (only in-flight cards tick: a finished card never re-renders for it). */
export function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}
