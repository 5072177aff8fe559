// The few parts of OpenCV.js (@techstark/opencv-js: OpenCV compiled to WebAssembly, Apache-2.0) the object select
// uses, typed here so the rest of the code does not depend on the package's very large type tree, and so the
// same code runs with the module loaded in a Web Worker (importScripts) or in Node (require, for the tests).

export interface CvMat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Uint8Array;
  readonly data64F: Float64Array;
  delete(): void;
}

export interface OpenCv {
  Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
  Rect: new (x: number, y: number, width: number, height: number) => unknown;
  matFromArray(rows: number, cols: number, type: number, array: ArrayLike<number>): CvMat;
  grabCut(image: CvMat, mask: CvMat, rect: unknown, bgdModel: CvMat, fgdModel: CvMat, iterations: number, mode: number): void;
  readonly CV_8UC1: number;
  readonly CV_8UC3: number;
  readonly CV_64FC1: number;
  readonly GC_BGD: number;
  readonly GC_FGD: number;
  readonly GC_PR_BGD: number;
  readonly GC_PR_FGD: number;
  readonly GC_INIT_WITH_RECT: number;
  readonly GC_INIT_WITH_MASK: number;
}

/** What the package's script defines (its Emscripten module) before and after the WebAssembly is ready. */
export interface OpenCvModule extends Partial<OpenCv> {
  onRuntimeInitialized?: () => void;
}

/**
 * Resolves once the module's WebAssembly is compiled. The result is wrapped: the Emscripten module has a `then`
 * method, so resolving a promise with the module itself would make the promise adopt it and never settle.
 */
export function openCvReady(module: OpenCvModule): Promise<{ cv: OpenCv }> {
  const ready = () => typeof module.Mat === 'function' && typeof module.grabCut === 'function';
  if (ready()) return Promise.resolve({ cv: module as OpenCv });
  return new Promise((resolve, reject) => {
    const previous = module.onRuntimeInitialized;
    module.onRuntimeInitialized = () => {
      previous?.();
      if (ready()) resolve({ cv: module as OpenCv });
      else reject(new Error('OpenCV loaded without GrabCut'));
    };
  });
}
