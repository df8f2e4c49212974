import type { Renderer } from './context';
import { jsonEnvelope } from './envelope';

/**
 * One JSON document for the whole run: the envelope (`tool`, `version`, `command: "diagnose"`) and
 * `inputs`, an array in input order whose items are either `{ "input", "encoding", "report" }` (the
 * library's Report, unchanged; plus `"partial": { "at", "message" }` when the text turned binary at
 * byte `at` and the rest was not read) or `{ "input", "error": { "code", "message" } }`. Always an
 * array, even for one input.
 */
export const renderJson: Renderer = (results) => {
  const inputs = results.map((r) => (r.ok ? { input: r.input, encoding: r.encoding, report: r.report, partial: r.partial } : { input: r.input, error: r.error }));
  return jsonEnvelope('diagnose', { inputs });
};
