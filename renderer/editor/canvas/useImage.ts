import { useEffect, useState } from 'react';

/** The decoded image at `url`, or null while it loads (or when it fails). */
export function useImage(url: string | undefined): HTMLImageElement | null {
  const [loaded, setLoaded] = useState<{ url: string; image: HTMLImageElement } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    const image = new Image();
    image.onload = () => {
      if (live) setLoaded({ url, image });
    };
    image.src = url;
    return () => {
      live = false;
    };
  }, [url]);
  return loaded && loaded.url === url ? loaded.image : null;
}
