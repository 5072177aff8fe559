// The body as JSON, printed exactly as JSON.stringify(body, null, 2) would print it, except that a folded image shows
// its first characters and a button that brings the rest. With every image unfolded the text is the body itself.
import { Fragment, type ReactNode } from 'react';
import type { ImageField } from '../../../shared/kling/request-preview';

interface Props {
  body: unknown;
  images: ImageField[];
  onExpand(path: string): void;
}

const imageName = (path: string): string =>
  path === 'image' ? 'start frame' : path === 'image_tail' ? 'end frame' : path === 'static_mask' ? 'static mask' : `dynamic mask ${Number(path.split('.')[1]) + 1}`;

export function JsonBody({ body, images, onExpand }: Props) {
  const byPath = new Map(images.map((i) => [i.path, i]));

  const render = (value: unknown, path: string, indent: string): ReactNode => {
    const inner = `${indent}  `;
    const child = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return (
        <>
          {'[\n'}
          {value.map((v, i) => (
            <Fragment key={i}>
              {inner}
              {render(v, child(i), inner)}
              {i < value.length - 1 ? ',\n' : '\n'}
            </Fragment>
          ))}
          {`${indent}]`}
        </>
      );
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return '{}';
      return (
        <>
          {'{\n'}
          {entries.map(([k, v], i) => (
            <Fragment key={k}>
              {`${inner}${JSON.stringify(k)}: `}
              {render(v, child(k), inner)}
              {i < entries.length - 1 ? ',\n' : '\n'}
            </Fragment>
          ))}
          {`${indent}}`}
        </>
      );
    }
    const image = typeof value === 'string' ? byPath.get(path) : undefined;
    if (image && !image.full) {
      return (
        <>
          {`"${value as string}`}
          <button
            type="button"
            className="request-json__fold"
            aria-label={`Show all of the ${imageName(path)} (${image.bytes.toLocaleString('en-US')} bytes)`}
            onClick={() => onExpand(path)}
          >
            … {image.bytes.toLocaleString('en-US')} bytes, show all
          </button>
          {'"'}
        </>
      );
    }
    return JSON.stringify(value);
  };

  return (
    <pre className="request-json" aria-label="Request body">
      <code>{render(body, '', '')}</code>
    </pre>
  );
}
