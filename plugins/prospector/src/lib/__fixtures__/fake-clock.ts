/**
 * A clock that moves only when told to, for a HostThrottle under test: `now` and `sleep` are its options;
 * each wait is recorded in `sleeps` and moves the clock on, `tick` moves it as time passing elsewhere.
 */
export function fakeClock(start = 0) {
  let time = start
  const sleeps: number[] = []
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      time += ms
    },
    tick: (ms: number) => {
      time += ms
    },
    sleeps,
  }
}
