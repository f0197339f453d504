/** The names of T's methods (public members that are functions). */
type MethodsOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T];

/** A jest mock typed after T's method K. */
type MockOf<T, K extends keyof T> = T[K] extends (...args: infer A) => infer R
  ? jest.Mock<R, A>
  : never;

/**
 * A stand-in for T that is a T to the code under test (no casts where it is passed) and whose
 * stubbed methods are jest mocks to the test.
 */
export type StrictMock<T> = T & { [K in MethodsOf<T>]: MockOf<T, K> };

/** What a strict mock may be given: jest mocks for methods, values for other members. */
export type Stubs<T> = { [K in MethodsOf<T>]?: jest.Mock } & {
  [K in Exclude<keyof T, MethodsOf<T>>]?: T[K];
};

/**
 * A mock whose every member must be stubbed before use: calling or reading anything else
 * throws, so a unit test fails on an unexpected collaboration instead of silently returning
 * undefined. The mock's methods are typed after T's:
 *
 *   const users = strictMock<UsersRepository>({ findById: jest.fn() });
 *   users.findById.mockResolvedValue(null);
 *   const sut = new UsersService(users, ...);
 */
export function strictMock<T extends object>(stubs: Stubs<T> = {}): StrictMock<T> {
  const target: object = stubs;
  return new Proxy(target, {
    get(stubbed, property) {
      if (property in stubbed) return (stubbed as Record<PropertyKey, unknown>)[property];
      // Promise resolution and jest's own inspection probe these; they are not collaborations.
      if (property === 'then' || property === 'asymmetricMatch' || typeof property === 'symbol')
        return undefined;
      throw new Error(`Unexpected use of ${String(property)} on a strict mock`);
    },
  }) as StrictMock<T>;
}
