/** What the server hands each provider emulator. */
export interface EmulatorContext {
  /** The credentials the emulator accepts. */
  keys: {
    conektaApiKey: string;
    razorpayKeyId: string;
    razorpayKeySecret: string;
  };
  /** Whether webhook URLs on loopback hosts are accepted (real providers refuse them). */
  allowLoopback: boolean;
  /** The sandbox's own base URL, e.g. `http://127.0.0.1:4010`, for seeded demo receivers. */
  baseUrl: () => string;
  /** Current time; tests may replace it. */
  now: () => Date;
  /** Extra generated Conekta child companies, to measure the console with thousands (npm run bench). */
  extraChildCompanies: number;
  /**
   * Extra generated webhooks in Conekta's holding and in Razorpay's Tienda Aurora, past each
   * provider's limit (which only a create checks), so that tests can count past a page.
   */
  extraWebhooks: { conekta: number; razorpay: number };
}

/** An emulator that keeps state can be put back to its seed. */
export interface Resettable {
  reset(): void;
}
