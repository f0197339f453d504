/**
 * A mock whose every method must be stubbed before use: calling anything else throws, so a
 * unit test fails on an unexpected collaboration instead of silently returning undefined.
 */
export type StrictMock<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? jest.Mock<R, A> : T[K];
};

export function strictMock<T extends object>(
  stubs: Partial<{ [K in keyof T]: jest.Mock }> = {},
): StrictMock<T> {
  return new Proxy(stubs as object, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      if (property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(`Unexpected call to ${String(property)} on a strict mock`);
    },
  }) as StrictMock<T>;
}
