/**
 * How many uploads may be in flight, lowered when GitHub says to slow down. GitHub allows about
 * 100 concurrent requests per user and limits content creation per minute (secondary rate
 * limits); a 403/429 that names a rate limit halves the limit (never below 1) for the rest of
 * the run, while the retry policy waits what GitHub asked (github/retry.ts).
 */
export class AdaptiveLimit {
  #value: number;
  constructor(initial: number) {
    this.#value = Math.max(1, Math.floor(initial));
  }
  get value(): number {
    return this.#value;
  }
  /** Halves the limit; returns the new value. */
  backOff(): number {
    this.#value = Math.max(1, Math.floor(this.#value / 2));
    return this.#value;
  }
}
