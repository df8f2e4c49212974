import { base64ToBytes, bytesToBase64 } from './base64';

test('every byte value, past one chunk, survives the round trip and matches the standard alphabet', () => {
  const bytes = Uint8Array.from({ length: 0x8000 + 300 }, (_, i) => (i * 7) % 256);
  const text = bytesToBase64(bytes);
  expect(text.slice(0, 12)).toBe('AAcOFRwjKjE4');
  expect(base64ToBytes(text)).toEqual(bytes);
  expect(bytesToBase64(Uint8Array.of(1, 2))).toBe('AQI=');
});

test('a character outside the alphabet is no bytes at all', () => {
  expect(base64ToBytes('AA!=')).toBeUndefined();
});
