import type { Platform } from '../../report/schema';
import { commandTexts } from '../../rule-kit/test-rule';
import { AAD_CODES } from './codes';
import rule from './rule';

const ON = (ci: Platform['ci']): Platform => ({ ci, agent: 'unknown' });

describe('aad: GitLab id_tokens (OIDC) advice says GitLab', () => {
  const GITLAB_SUBJECT = 'project_path:gitlab-group/gitlab-project:ref_type:branch:ref:main';

  test('AADSTS501661 on GitLab: make the instance reachable, GitLab causes first, nothing about GitHub or Azure DevOps', () => {
    const e = rule.explain({ facts: { aadCode: 'AADSTS501661' }, details: {}, platform: ON('gitlab') });
    expect(e.summary).toBe(
      "Microsoft Entra ID refused to issue a token to the pipeline's identity (AADSTS501661: Request to External OIDC endpoint failed), so Key Vault was never called: Entra could not reach the CI's OIDC issuer to validate the federated token.",
    );
    expect(e.causes[0]).toMatch(/^GitLab: the GitLab instance is not reachable from the internet/);
    expect(e.fixes.map((f) => f.title)).toEqual(['GitLab: let Entra reach your GitLab instance']);
    expect(commandTexts(e)).toEqual(['curl -fsS https://<gitlab-host>/.well-known/openid-configuration', 'curl -fsS https://<gitlab-host>/oauth/discovery/keys']);
    expect(JSON.stringify(e.fixes)).not.toMatch(/GitHub|Azure DevOps/);
  });

  test('AADSTS700212 on GitLab: the credential gets the GitLab issuer and the aud the job presented', () => {
    const e = rule.explain({
      facts: { aadCode: 'AADSTS700212', appId: '11111111-2222-3333-4444-555555555555' },
      details: { message: `subject: ${GITLAB_SUBJECT}; audience: https://gitlab.com` },
      platform: ON('gitlab'),
    });
    expect(e.summary).toMatch(/\(AADSTS700212: No matching federated identity record found for presented assertion audience\), so Key Vault was never called: no federated credential accepts the audience 'https:\/\/gitlab\.com'\.$/);
    expect(e.causes.map((c) => c.slice(0, 7))).toEqual(['GitLab:', 'The fed']);
    expect(commandTexts(e)).toContain(
      'az ad app federated-credential create --id 11111111-2222-3333-4444-555555555555 --parameters \'{"name":"project_path-gitlab-group-gitlab-project-ref_type-branch-ref-main","issuer":"https://gitlab.com","subject":"project_path:gitlab-group/gitlab-project:ref_type:branch:ref:main","audiences":["https://gitlab.com"]}\'',
    );
    expect(e.fixes.map((f) => f.title).join(' ')).not.toMatch(/GitHub|Azure DevOps/);
  });

  test('AADSTS70021 from the GitLab docs, on GitLab: GitLab subject format, no other CI named', () => {
    const e = rule.explain({ facts: { aadCode: 'AADSTS70021' }, details: {}, platform: ON('gitlab') });
    expect(e.fixes[0]?.steps).toContain('GitLab subjects: `project_path:<group>/<project>:ref_type:branch:ref:<branch>`.');
    expect(JSON.stringify(e.fixes)).not.toMatch(/GitHub|Azure DevOps|sc:\/\/|repo:</);
    expect(commandTexts(e)).toContain(
      'az ad app federated-credential create --id <app-id> --parameters \'{"name":"<credential-name>","issuer":"https://gitlab.com","subject":"<subject>","audiences":["https://gitlab.com"]}\'',
    );
  });
  test.each(['AADSTS70021', 'AADSTS700213'])('%s on a GitLab job: the causes name GitLab and no other CI', (code) => {
    const e = rule.explain({ facts: { aadCode: code }, details: {}, platform: ON('gitlab') });
    expect(e.causes[0]).toMatch(/^GitLab: /);
    expect(e.causes.join('\n')).not.toMatch(/GitHub|Azure DevOps/);
  });

  test('with the CI unknown, every CI keeps its cause', () => {
    const e = rule.explain({ facts: { aadCode: 'AADSTS70021' }, details: {}, platform: ON('unknown') });
    expect(e.causes.map((c) => c.split(':')[0])).toEqual(expect.arrayContaining(['Azure DevOps', 'GitHub Actions', 'GitLab']));
  });
});

describe('aad: no curated code gives a GitLab job a cause that belongs to another CI', () => {
  test.each(AAD_CODES.map((c) => c.code))('%s', (code) => {
    const e = rule.explain({ facts: { aadCode: code }, details: {}, platform: ON('gitlab') });
    expect(e.causes.filter((c) => /^(?:GitHub|Azure DevOps)/.test(c))).toEqual([]);
  });

  test.each([
    ['AADSTS50027', 'GitLab Runner before 16.6 did not parse the job\'s JWT correctly for `secrets: azure_key_vault` (GitLab issue 424746).'],
    ['AADSTS7000222', 'Every client secret of the app has passed its end date, and the pipeline fails the day the last one does.'],
    ['AADSTS7000218', 'The token request carried no secret or assertion: the pipeline variable that should hold it was empty, unset, or not mapped into the step.'],
  ])('%s on GitLab: no GitHub or Azure DevOps clause in any cause', (code, cause) => {
    const e = rule.explain({ facts: { aadCode: code }, details: {}, platform: ON('gitlab') });
    expect(e.causes).toContain(cause);
    expect(e.causes.join('\n')).not.toMatch(/GitHub|Azure DevOps/);
  });
});
