/** The Slack adapter's public face: create or start it, and the types around it. */
export { createSlackAdapter, startSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from './adapter.js';
export { SlackStartError, errorText } from './errors.js';
export type { SlackClientOptions, SlackIdentity } from './identity.js';
export type { SlackTransport } from './receiver.js';
