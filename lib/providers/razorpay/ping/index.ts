// Razorpay has no test-ping API: these pieces let the console's own server send one safely.
export {
  isForbiddenAddress,
  PingRefusedError,
  resolveTarget,
  type LookupAll,
  type PingRefusedReason,
  type ResolvedTarget,
} from "./address-guard";
export {
  buildSampleEvent,
  createEventId,
  entitiesOfEvent,
  TEST_PING_NOTE,
  type SampleEvent,
} from "./sample-event";
export {
  DEFAULT_PING_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
  sendRazorpayPing,
  toRequestOptions,
  type SendRazorpayPingInput,
} from "./send-ping";
export { signRazorpayBody } from "./signature";
