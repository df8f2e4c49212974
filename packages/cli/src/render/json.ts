import type { Renderer } from './context';

/**
 * One JSON document for the whole run: an array in input order whose items are either
 * `{ "input", "encoding", "report" }` (the library's Report, unchanged) or
 * `{ "input", "error": { "code", "message" } }`. Always an array, even for one input.
 */
export const renderJson: Renderer = (results) => {
  const items = results.map((r) => (r.ok ? { input: r.input, encoding: r.encoding, report: r.report } : { input: r.input, error: r.error }));
  return `${JSON.stringify(items, null, 2)}\n`;
};
