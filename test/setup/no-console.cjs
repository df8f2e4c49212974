// Library code must never print (pasted logs may hold secrets); a test that triggers console output fails.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[method];
  beforeEach(() => {
    console[method] = (...args) => {
      original.apply(console, args);
      throw new Error(`unexpected console.${method} during a test`);
    };
  });
  afterEach(() => {
    console[method] = original;
  });
}
