import type { Renderer } from './context';
import { renderCsv } from './csv';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderText } from './text';

export const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of `--format`, one renderer each. */
export const renderers: Record<Format, Renderer> = {
  text: renderText,
  markdown: renderMarkdown,
  json: renderJson,
  csv: renderCsv,
};
