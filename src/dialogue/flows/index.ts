import type { FlowInput } from '../flow-schema.js';
import { accountSetupFlow } from './account-setup.js';
import { linkCardFlow } from './link-card.js';
import { payOnAlibabaFlow } from './pay-on-alibaba.js';
import { paymentDeclinedFlow } from './payment-declined.js';
import { verificationFlow } from './verification.js';

/** Every guided flow, in the order the menu offers them. Each id is also a task intent. */
export const FLOWS: readonly FlowInput[] = [paymentDeclinedFlow, linkCardFlow, accountSetupFlow, verificationFlow, payOnAlibabaFlow];
