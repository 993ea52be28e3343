import type { Command } from 'commander';
import { registerChat } from './chat.js';
import { registerStart } from './start.js';
import { registerServe } from './serve.js';
import { registerNluCommands } from './nlu.js';
import { registerFacts } from './facts.js';
import { registerKnowledgeCommands } from './knowledge.js';
import { registerReplay } from './replay.js';
import { registerFlows } from './flows.js';
import { registerBuild } from './build.js';
import { registerDiscord } from './discord.js';
import { registerReport } from './report.js';
import { registerInbox } from './inbox.js';

/** Each command lives in its own file; this is the list. */
export function registerCommands(program: Command): void {
  registerStart(program);
  registerChat(program);
  registerServe(program);
  registerNluCommands(program);
  registerFacts(program);
  registerKnowledgeCommands(program);
  registerReplay(program);
  registerFlows(program);
  registerBuild(program);
  registerDiscord(program);
  registerReport(program);
  registerInbox(program);
}
