import { PlatformDetector } from './detect';

function detect(text: string): ReturnType<PlatformDetector['result']> {
  const d = new PlatformDetector();
  d.feed(text);
  return d.result();
}

describe('PlatformDetector', () => {
  test.each([
    ["Agent name: 'Azure Pipelines 3'\nAgent machine name: 'fv-az123-456'", { ci: 'azure-devops', agent: 'microsoft-hosted' }],
    ["Agent name: 'build-agent-01'\n##[section]Starting: Build", { ci: 'azure-devops', agent: 'self-hosted' }],
    ['##[error]Script failed with error: Error: The process \'/usr/bin/az\' failed with exit code 1', { ci: 'azure-devops', agent: 'unknown' }],
    ["Current runner version: '2.317.0'\nRunner name: 'GitHub Actions 12'", { ci: 'github-actions', agent: 'github-hosted' }],
    ["Current runner version: '2.317.0'\nRunner name: 'my-runner'", { ci: 'github-actions', agent: 'self-hosted' }],
    ['Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable', { ci: 'github-actions', agent: 'unknown' }],
    ['Running with gitlab-runner 16.5.0 (853330f9)\n  on blue-4.saas-linux-small-amd64.runners-manager.gitlab.com/default J2nyww-s', { ci: 'gitlab', agent: 'gitlab-hosted' }],
    ['Running with gitlab-runner 16.5.0 (853330f9)\nUsing Shell executor...\nRunning on build-box...', { ci: 'gitlab', agent: 'self-hosted' }],
    ['plain text with no runner banner', { ci: 'unknown', agent: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(detect(text)).toEqual(expected);
  });
});
