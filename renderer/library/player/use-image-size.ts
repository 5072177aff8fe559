// An image's own pixel size, once it has loaded: what the player's layers over the clip draw in.
import { useEffect, useState } from 'react';

export function useImageSize(url: string | undefined): { width: number; height: number } | undefined {
  const [size, setSize] = useState<{ url: string; width: number; height: number }>();
  useEffect(() => {
    if (!url) return;
    const image = new Image();
    image.onload = () => setSize({ url, width: image.naturalWidth, height: image.naturalHeight });
    image.src = url;
  }, [url]);
  return size && size.url === url ? size : undefined;
}
