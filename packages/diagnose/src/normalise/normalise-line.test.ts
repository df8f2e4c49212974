import { logicalTexts, unprefix } from './normalise-line';

const texts = (raw: string): string[] => logicalTexts(unprefix(raw).text).map((l) => l.text);

describe('normalisation', () => {
  test('strips the Azure DevOps timestamp and ##[error] prefix, keeping the timestamp and the command', () => {
    expect(unprefix('2024-05-06T14:02:12.9021447Z ##[error]Boom')).toEqual({ text: 'Boom', timestamp: '2024-05-06T14:02:12.9021447Z', command: 'error' });
  });

  test('tells step banners, echoed commands and box edges apart; a debug line is no command', () => {
    expect(['##[section]Starting: x', '##[command]/usr/bin/az', '╷', '│ Error: x', '╵', '##[debug]Processed: x'].map((l) => unprefix(l).command)).toEqual([
      'banner',
      'echo',
      'box-top',
      'box',
      'box-bottom',
      undefined,
    ]);
  });

  test('a JSON array of errors on one line gives each element its own piece, marked as split', () => {
    expect(logicalTexts('[{"error":{"code":"A"}},{"error":{"code":"B"}}]')).toEqual([
      { text: '[{"error":{"code":"A"}}', split: false },
      { text: '{"error":{"code":"B"}}]', split: true },
    ]);
  });

  test('strips a GitLab runner timestamp with its stream marker', () => {
    expect(texts('2024-04-24T11:23:46.263592Z 01O $ az keyvault secret show')).toEqual(['$ az keyvault secret show']);
  });

  test('strips ANSI colours and the Terraform gutter', () => {
    expect(texts('\u001b[31m│\u001b[0m \u001b[1mError:\u001b[0m checking')).toEqual(['Error: checking']);
  });

  test('turns escaped \\r\\n inside a JSON message into logical lines', () => {
    expect(texts('{"message":"Caller is not authorized.\\r\\nCaller: appid=x\\r\\nVault: kv;location=eastus"}')).toEqual([
      '{"message":"Caller is not authorized.',
      'Caller: appid=x',
      'Vault: kv;location=eastus"}',
    ]);
  });

  test('undoes doubly escaped JSON from a re-wrapping resource provider', () => {
    expect(texts('{\\"error\\":{\\"message\\":\\"Client address is not authorized\\\\r\\\\nClient address: 20.61.146.97\\"}}')).toEqual([
      '{"error":{"message":"Client address is not authorized',
      'Client address: 20.61.146.97"}}',
    ]);
  });

  test('straightens curly quotes and decodes HTML entities', () => {
    expect(texts('Status Code: ‘Forbidden’, “code”:”Forbidden” &quot;x&quot; &#39;y&#39; &amp;')).toEqual([
      `Status Code: 'Forbidden', "code":"Forbidden" "x" 'y' &`,
    ]);
  });

  test('leaves Windows paths alone on lines that show no JSON escaping', () => {
    expect(texts('D:\\a\\1\\s\\node_modules\\x.js')).toEqual(['D:\\a\\1\\s\\node_modules\\x.js']);
  });
});
