import { VisionContentError } from '../../src/vision/document.js';

/** The VisionContentError that loading content throws; fails the test when it loads, or throws anything else. */
export function contentErrorOf(load: () => unknown): VisionContentError {
  try {
    load();
  } catch (error) {
    if (error instanceof VisionContentError) return error;
    throw error;
  }
  throw new Error('expected the content to be rejected');
}
