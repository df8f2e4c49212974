/**
 * Token formats with a fixed prefix, from gitleaks' rule set (MIT licence,
 * https://github.com/gitleaks/gitleaks, cmd/generate/config/rules/{github,gitlab,npm,aws,gcp,slack,
 * dockerhub,pypi}.go): the prefix, the alphabet after it, and its shortest length. Kept as data
 * rather than depending on gitleaks (a Go binary) or secretlint (Node-only rule packages over an
 * async core, far larger than this table), and read by one linear scanner instead of a regex
 * each. Azure's own formats (client secrets, SAS, storage keys, JWTs) have their own detectors.
 */
export type Alphabet = 'alphanumeric' | 'word' | 'word-dash' | 'hex' | 'upper-alphanumeric';

export interface VendorTokenRule {
  /** The gitleaks rule id it follows. */
  readonly id: string;
  readonly prefix: string;
  readonly alphabet: Alphabet;
  readonly min: number;
}

export const VENDOR_TOKEN_RULES: readonly VendorTokenRule[] = [
  { id: 'github-pat', prefix: 'ghp_', alphabet: 'alphanumeric', min: 36 },
  { id: 'github-oauth', prefix: 'gho_', alphabet: 'alphanumeric', min: 36 },
  { id: 'github-app-token', prefix: 'ghu_', alphabet: 'alphanumeric', min: 36 },
  { id: 'github-app-token', prefix: 'ghs_', alphabet: 'alphanumeric', min: 36 },
  { id: 'github-refresh-token', prefix: 'ghr_', alphabet: 'alphanumeric', min: 36 },
  { id: 'github-fine-grained-pat', prefix: 'github_pat_', alphabet: 'word', min: 82 },
  { id: 'gitlab-pat', prefix: 'glpat-', alphabet: 'word-dash', min: 20 },
  { id: 'gitlab-ptt', prefix: 'glptt-', alphabet: 'hex', min: 40 },
  { id: 'gitlab-deploy-token', prefix: 'gldt-', alphabet: 'word-dash', min: 20 },
  { id: 'gitlab-runner-authentication-token', prefix: 'glrt-', alphabet: 'word-dash', min: 20 },
  { id: 'gitlab-cicd-job-token', prefix: 'glcbt-', alphabet: 'word-dash', min: 20 },
  { id: 'gitlab-rrt', prefix: 'GR1348941', alphabet: 'word-dash', min: 20 },
  { id: 'npm-access-token', prefix: 'npm_', alphabet: 'alphanumeric', min: 36 },
  { id: 'aws-access-token', prefix: 'AKIA', alphabet: 'upper-alphanumeric', min: 16 },
  { id: 'aws-access-token', prefix: 'ASIA', alphabet: 'upper-alphanumeric', min: 16 },
  { id: 'gcp-api-key', prefix: 'AIza', alphabet: 'word-dash', min: 35 },
  { id: 'slack-bot-token', prefix: 'xoxb-', alphabet: 'word-dash', min: 20 },
  { id: 'slack-user-token', prefix: 'xoxp-', alphabet: 'word-dash', min: 20 },
  { id: 'dockerhub-pat', prefix: 'dckr_pat_', alphabet: 'word-dash', min: 27 },
  { id: 'pypi-upload-token', prefix: 'pypi-AgEIcHlwaS5vcmc', alphabet: 'word-dash', min: 50 },
];
