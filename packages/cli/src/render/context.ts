import type { Colors } from 'picocolors/types';
import type { InputResult } from '../inputs/result';

export interface RenderContext {
  /** Colour functions; identity functions when colour is off. */
  readonly colors: Colors;
}

/** A format: every result of the run → the whole output document. */
export type Renderer = (results: readonly InputResult[], context: RenderContext) => string;
