import { diagnose } from '../diagnose';
import { REPORT_VERSION, ReportSchema } from './schema';

// The versioning rule (schema.ts): a minor version only adds optional fields, so a tool validating
// with this ReportSchema accepts a later 1.x Report and keeps the fields it does not know.
const report = diagnose('ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.\nClient address: 20.1.2.3\nVault: kv-one;location=eastus');

describe('Report versioning', () => {
  test('this version is 1.x and its own Report validates', () => {
    expect(REPORT_VERSION).toMatch(/^1\./);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  test('a later minor version with new fields validates, and the new fields are kept', () => {
    const [finding] = report.findings;
    const later = {
      ...report,
      version: '1.7.0',
      newTopLevel: { added: true },
      findings: [{ ...finding, severityScore: 7, facts: { ...finding?.facts, subnetId: '/subscriptions/x/…' }, details: { ...finding?.details, hint: 'new' } }],
      stats: { ...report.stats, secondsSpent: 0.2 },
    };
    const parsed = ReportSchema.safeParse(later);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ version: '1.7.0', newTopLevel: { added: true }, stats: { secondsSpent: 0.2 } });
    expect(parsed.data?.findings[0]).toMatchObject({ severityScore: 7, facts: { subnetId: '/subscriptions/x/…' }, details: { hint: 'new' } });
  });

  test('a 1.1 Report, written before platform.host (1.2.0), still validates', () => {
    const { host, ...platform11 } = report.platform;
    expect(host).toBe('unknown');
    expect(ReportSchema.safeParse({ ...report, version: '1.1.0', platform: platform11 }).success).toBe(true);
  });

  test('another major version, or a field of the wrong type, is refused with the field named', () => {
    const major = ReportSchema.safeParse({ ...report, version: '2.0.0' });
    expect(major.success).toBe(false);
    expect(major.error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
    const retyped = ReportSchema.safeParse({ ...report, stats: { ...report.stats, lines: 'three' } });
    expect(retyped.error?.issues.map((i) => i.path.join('.'))).toEqual(['stats.lines']);
  });
});
