export { diagnose, createDiagnoser, type DiagnoseOptions, type Diagnoser } from './diagnose';
export { explain, type ExplainOutcome, type ExplainResult } from './explain';
export { redact, type Redacted } from './redact';
export { rules } from './rules';
export type { Rule, RuleMeta, Occurrence, ExplainInput, Explanation } from './rule-kit/rule';
export type { Fixture } from './rule-kit/fixture';
export { KvdoctorError, type KvdoctorErrorCode } from './errors';
export * from './report/schema';
