/** The one way an HTTP exchange fails (see ./http). */

/**
 * Why an exchange produced no complete response. `status` is set when the status line had arrived
 * before the failure: the retry decision then follows that status.
 */
export class ExchangeFailure extends Error {
  constructor(
    readonly kind: "network" | "body-too-large" | "aborted",
    readonly detail: string,
    readonly status?: number,
    /** True when the request certainly never left this process (connection refused, unknown host). */
    readonly notSent = false,
  ) {
    super(detail);
  }
}
