import { stringify } from 'csv-stringify/sync';
import { type Finding, redact } from '@kvdoctor/diagnose';
import type { Renderer } from './context';

const COLUMNS = [
  'input', 'rule', 'title', 'severity', 'confidence', 'count', 'first_line', 'ci',
  'vault', 'location', 'client_ip', 'client_ip_class', 'app_id', 'object_id', 'tenant_id',
  'http_status', 'error_code', 'inner_error_code', 'aad_code', 'object_type', 'object_name',
  'summary', 'fix', 'command',
] as const;

/** Secrets masked; spreadsheets run cells that start like a formula, so a leading apostrophe keeps them text. */
function cellText(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = redact(String(value)).text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function row(input: string, ci: string, f: Finding): string[] {
  const fix = f.fixes[0];
  const command = fix?.commands.find((c) => c.tool === 'az') ?? fix?.commands[0];
  const values: Record<(typeof COLUMNS)[number], string | number | undefined> = {
    input,
    rule: f.rule,
    title: f.title,
    severity: f.severity,
    confidence: f.confidence,
    count: f.count,
    first_line: f.evidence[0]?.line,
    ci,
    vault: f.facts.vault,
    location: f.facts.location,
    client_ip: f.facts.clientIp,
    client_ip_class: f.facts.clientIpClass,
    app_id: f.facts.appId,
    object_id: f.facts.objectId,
    tenant_id: f.facts.tenantId,
    http_status: f.facts.httpStatus,
    error_code: f.facts.errorCode,
    inner_error_code: f.facts.innerErrorCode,
    aad_code: f.facts.aadCode,
    object_type: f.facts.objectType,
    object_name: f.facts.objectName,
    summary: f.summary,
    fix: fix?.title,
    command: command?.text,
  };
  return COLUMNS.map((c) => cellText(values[c]));
}

/** One row per finding (inputs without findings or unreadable ones have none), header always. */
export const renderCsv: Renderer = (results) => {
  const rows = results.flatMap((r) => (r.ok ? r.report.findings.map((f) => row(r.input, r.report.platform.ci, f)) : []));
  return stringify([[...COLUMNS], ...rows], { record_delimiter: 'unix' });
};
